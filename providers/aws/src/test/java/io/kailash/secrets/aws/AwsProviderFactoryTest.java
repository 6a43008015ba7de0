package io.kailash.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.aws.testing.MotoClients;
import io.kailash.secrets.aws.testing.MotoServer;
import io.kailash.secrets.aws.testing.MotoServerExtension;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The {@code aws.*} configuration keys. */
@ExtendWith(MotoServerExtension.class)
class AwsProviderFactoryTest {

  private final AwsProviderFactory factory = new AwsProviderFactory();

  @Test
  void isRegisteredAsTheBuiltInTypeAws() {
    assertThat(SecretProviderFactories.forType("aws")).containsInstanceOf(AwsProviderFactory.class);
    assertThat(factory.keys())
        .containsExactlyInAnyOrder("region", "endpoint", "profile", "timeout");
    assertThat(factory.credentialKeys()).isEmpty();
  }

  @Test
  void createsAProviderWithoutTouchingTheNetwork() {
    SecretProvider provider =
        factory.create(
            ProviderSettings.of(
                "aws",
                Map.of("region", "eu-west-1", "endpoint", "http://127.0.0.1:9", "timeout", "5s")));

    assertThat(provider.name()).isEqualTo("aws");
    assertThat(((AwsSecretsManagerProvider) provider).isClientBuilt()).isFalse();
  }

  @Test
  void aNamedInstanceIsNamedAfterItsPrefix() {
    SecretProvider provider =
        factory.create(
            ProviderSettings.of(
                "aws-eu", Map.of("region", "eu-west-1", "endpoint", "http://127.0.0.1:9")));

    assertThat(provider.name()).isEqualTo("aws-eu");
    assertThatThrownBy(() -> provider.getSecret("bad name!"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            failure -> assertThat(failure.provider()).isEqualTo("aws-eu"));
  }

  @Test
  void theConfiguredEndpointAndRegionAreUsed(MotoServer moto) {
    try (SecretsManagerClient admin = MotoClients.secretsManager(moto)) {
      admin.createSecret(r -> r.name("factory/check").secretString("configured"));
      SecretProvider provider =
          factory.create(
              ProviderSettings.of(
                  "aws",
                  Map.of("region", MotoClients.REGION, "endpoint", moto.endpoint().toString())));
      // Credentials come from the SDK chain; moto accepts any, so give it some via properties.
      String previousKey = System.setProperty("aws.accessKeyId", "test");
      String previousSecret = System.setProperty("aws.secretAccessKey", "test");
      try {
        assertThat(provider.getSecret("factory/check")).isEqualTo("configured");
      } finally {
        restore("aws.accessKeyId", previousKey);
        restore("aws.secretAccessKey", previousSecret);
        admin.deleteSecret(r -> r.secretId("factory/check").forceDeleteWithoutRecovery(true));
      }
    }
  }

  @Test
  void aMalformedEndpointNamesTheKey() {
    assertThatThrownBy(
            () -> factory.create(ProviderSettings.of("aws", Map.of("endpoint", "localhost:5000"))))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("aws.endpoint")
        .hasMessageContaining("http or https URL");
  }

  @Test
  void aMalformedOrTooShortTimeoutNamesTheKey() {
    assertThatThrownBy(() -> factory.create(ProviderSettings.of("aws", Map.of("timeout", "soon"))))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("aws.timeout");
    assertThatThrownBy(() -> factory.create(ProviderSettings.of("aws", Map.of("timeout", "1ms"))))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("aws.timeout")
        .hasMessageContaining("at least 2ms");
  }

  @Test
  void theSeedsClassNameWorksToo() {
    AWSSecretProvider provider = new AWSSecretProvider("eu-central-1");

    assertThat(provider.name()).isEqualTo("aws");
    assertThat(provider.isClientBuilt()).isFalse();
  }

  private static void restore(String key, String previous) {
    if (previous == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, previous);
    }
  }
}
