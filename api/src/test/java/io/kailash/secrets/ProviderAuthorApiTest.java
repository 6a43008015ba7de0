package io.kailash.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a provider written outside this project gets from the contract without extra code. */
class ProviderAuthorApiTest {

  @Test
  void aProviderNeedsNoNameOfItsOwn() {
    assertThat(new GcpSecretManagerProvider().name()).isEqualTo("gcpsecretmanager");
    assertThat(new InHouseSecretProvider().name()).isEqualTo("inhouse");
    assertThat(new Provider().name()).isEqualTo("provider");
  }

  @Test
  void anAnonymousProviderIsNamedByItsClass() {
    SecretProvider anonymous = new Provider() {};
    assertThat(anonymous.name()).isEqualTo(anonymous.getClass().getName());
  }

  @Test
  void absenceNeedsOnlyTheSecretsName() {
    SecretNotFoundException absent = new SecretNotFoundException("api-token");

    assertThat(absent.secretName()).isEqualTo("api-token");
    assertThat(absent.version()).isEmpty();
    assertThat(absent.providersTried()).isEmpty();
    assertThat(absent.getMessage())
        .isEqualTo("Secret 'api-token' was not found. Store the secret, or declare it optional.");
    assertThat(absent.withProvidersTried(List.of("in-house")).getMessage())
        .contains("providers tried: in-house");
  }

  static class Provider implements SecretProvider {
    @Override
    public String getSecret(String name, String version) {
      throw new SecretNotFoundException(name);
    }

    @Override
    public List<String> listSecrets() {
      return List.of();
    }
  }

  static class GcpSecretManagerProvider extends Provider {}

  static class InHouseSecretProvider extends Provider {}
}
