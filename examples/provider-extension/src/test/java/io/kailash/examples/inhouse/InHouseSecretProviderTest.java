package io.kailash.examples.inhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InHouseSecretProviderTest {

  private static final String TOKEN = "tok-1n-h0use-secret";
  private static final String TOKEN_V2 = "tok-1n-h0use-v2-secret";

  @TempDir Path dir;

  private SecretProvider provider(String contents) throws Exception {
    Path file = dir.resolve("secrets.properties");
    Files.writeString(file, contents, StandardCharsets.UTF_8);
    return SecretProviderFactories.available()
        .get("in-house")
        .create(ProviderSettings.of("in-house", Map.of("file", file.toString())));
  }

  @Test
  void theServiceFileMakesTheTypeKnownOnTheClassPath() {
    assertThat(SecretProviderFactories.available().get("in-house"))
        .isInstanceOf(InHouseProviderFactory.class);
  }

  @Test
  void readsCurrentAndVersionedValues() throws Exception {
    SecretProvider provider =
        provider("api-token = " + TOKEN + "\napi-token@v2 = " + TOKEN_V2 + "\n# a comment\n");

    assertThat(provider.getSecret("api-token")).isEqualTo(TOKEN);
    assertThat(provider.getSecret("api-token", "v2")).isEqualTo(TOKEN_V2);
    assertThat(provider.listSecrets()).containsExactly("api-token");
    assertThat(provider.name()).isEqualTo("in-house");
  }

  @Test
  void seesAnEditAtOnce() throws Exception {
    SecretProvider provider = provider("api-token = old\n");
    Files.writeString(dir.resolve("secrets.properties"), "api-token = " + TOKEN + "\n");

    assertThat(provider.getSecret("api-token")).isEqualTo(TOKEN);
  }

  @Test
  void anAbsentSecretOrVersionOrEmptyValueIsNotFound() throws Exception {
    SecretProvider provider = provider("api-token = " + TOKEN + "\nempty =\n");

    assertThatThrownBy(() -> provider.getSecret("db-password"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("db-password");
    assertThatThrownBy(() -> provider.getSecret("api-token", "v9"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class, e -> assertThat(e.version()).isEqualTo("v9"));
    assertThatThrownBy(() -> provider.getSecret("empty"))
        .isInstanceOf(SecretNotFoundException.class);
  }

  @Test
  void anInvalidNameIsRefusedBeforeTheFileIsRead() throws Exception {
    SecretProvider provider = provider("api-token = " + TOKEN + "\n");
    Files.delete(dir.resolve("secrets.properties"));

    assertThatThrownBy(() -> provider.getSecret("../api-token"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
  }

  @Test
  void aMissingFileIsMisconfiguredAndAMalformedOneNeverQuotesItsText() throws Exception {
    SecretProvider provider = provider("api-token = " + TOKEN + "\\uZZZZ\n");

    assertThatThrownBy(() -> provider.getSecret("api-token"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE))
        .hasMessageContaining("secrets.properties")
        .hasMessageNotContaining(TOKEN);

    Files.delete(dir.resolve("secrets.properties"));
    assertThatThrownBy(() -> provider.getSecret("api-token"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED));
  }

  @Test
  void theFileKeyIsRequired() {
    assertThatThrownBy(
            () -> new InHouseProviderFactory().create(ProviderSettings.of("in-house", Map.of())))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("in-house.file");
  }
}
