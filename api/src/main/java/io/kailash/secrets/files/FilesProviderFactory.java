package io.kailash.secrets.files;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ConfigKey;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.config.SettingsSupport;
import java.util.List;

/**
 * Builds a {@link FilesSecretProvider} from the {@code files.*} keys: {@code directory} (required)
 * and {@code max-file-size} (default 1MB). The directory must exist when the provider is built.
 */
public final class FilesProviderFactory implements SecretProviderFactory {

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.noDefault(
              "directory",
              "(required with `files`) the directory the secrets are mounted in, e.g."
                  + " `/run/secrets`; it must exist at start"
                  + " ([the files provider](#the-files-provider))"),
          ConfigKey.of(
              "max-file-size",
              "1MB",
              "larger files are refused (`1048576`, `512KB`, `10MB`); 1 MiB is Kubernetes'"
                  + " limit for a Secret"));

  @Override
  public String type() {
    return "files";
  }

  @Override
  public List<ConfigKey> describedKeys() {
    return KEYS;
  }

  @Override
  public SecretProvider create(ProviderSettings settings) {
    FilesSecretProviderBuilder builder = FilesSecretProvider.builder().name(settings.prefix());
    builder.directory(settings.path("directory").orElseThrow(() -> missingDirectory(settings)));
    SettingsSupport.byteSize(settings, "max-file-size", builder::maxFileSize);
    return SettingsSupport.checked(settings, "directory", builder::build);
  }

  private static SecretsConfigurationException missingDirectory(ProviderSettings settings) {
    return new SecretsConfigurationException(
        "Missing required key '"
            + settings.fullKey("directory")
            + "' for provider 'files': the directory the secrets are mounted in, e.g. "
            + settings.fullKey("directory")
            + " = /run/secrets");
  }
}
