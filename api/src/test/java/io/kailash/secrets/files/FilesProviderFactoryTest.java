package io.kailash.secrets.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesProviderFactoryTest {

  private final SecretProviderFactory factory =
      SecretProviderFactories.forType("files").orElseThrow();

  @TempDir Path dir;

  @Test
  void isRegisteredAsFilesWithItsKeys() {
    assertThat(factory).isInstanceOf(FilesProviderFactory.class);
    assertThat(factory.keys()).containsExactlyInAnyOrder("directory", "max-file-size");
    assertThat(factory.credentialKeys()).isEmpty();
    assertThat(SecretProviderFactories.available()).containsKeys("env", "files");
  }

  @Test
  void buildsAProviderReadingTheConfiguredDirectoryWithTheConfiguredLimit() throws Exception {
    Files.writeString(dir.resolve("small"), "s");
    Files.writeString(dir.resolve("large"), "l".repeat(2048));

    FilesSecretProvider provider =
        (FilesSecretProvider)
            factory.create(
                ProviderSettings.of(
                    "files", Map.of("directory", dir.toString(), "max-file-size", "1KB")));

    assertThat(provider.directory()).isEqualTo(dir.toAbsolutePath());
    assertThat(provider.getSecret("small")).isEqualTo("s");
    assertThatThrownBy(() -> provider.getSecret("large"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("limit of 1024 bytes");
  }

  @Test
  void aNamedInstanceIsNamedAfterItsPrefix() throws Exception {
    Files.writeString(dir.resolve("large"), "l".repeat(2048));
    SecretProvider provider =
        factory.create(
            ProviderSettings.of(
                "files-tls", Map.of("directory", dir.toString(), "max-file-size", "1KB")));

    assertThat(provider.name()).isEqualTo("files-tls");
    assertThatThrownBy(() -> provider.getSecret("large"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            failure -> assertThat(failure.provider()).isEqualTo("files-tls"));
    assertThatThrownBy(() -> factory.create(ProviderSettings.of("files-tls", Map.of())))
        .hasMessageContaining("Missing required key 'files-tls.directory'");
  }

  @Test
  void theDirectoryIsRequired() {
    assertThatThrownBy(() -> factory.create(ProviderSettings.of("files", Map.of())))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("Missing required key 'files.directory'")
        .hasMessageContaining("files.directory = /run/secrets");
  }

  @Test
  void aDirectoryThatDoesNotExistIsAConfigurationErrorNamingTheKey() {
    Map<String, String> keys = Map.of("directory", dir.resolve("absent").toString());

    assertThatThrownBy(() -> factory.create(ProviderSettings.of("files", keys)))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageStartingWith("Invalid value for key 'files.directory'")
        .hasMessageContaining("absent does not exist");
  }

  @Test
  void aBadSizeIsAConfigurationErrorNamingTheKeyAndTheAcceptedForms() {
    Map<String, String> tooSmall = Map.of("directory", dir.toString(), "max-file-size", "0");
    Map<String, String> garbage = Map.of("directory", dir.toString(), "max-file-size", "big");

    assertThatThrownBy(() -> factory.create(ProviderSettings.of("files", tooSmall)))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("'files.max-file-size'")
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> factory.create(ProviderSettings.of("files", garbage)))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("'files.max-file-size'")
        .hasMessageContaining("512KB");
  }
}
