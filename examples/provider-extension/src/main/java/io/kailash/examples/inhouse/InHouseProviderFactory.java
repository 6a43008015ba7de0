package io.kailash.examples.inhouse;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ConfigKey;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The provider type {@code in-house}: {@code providers = in-house, env} with {@code in-house.file =
 * /etc/app/secrets.properties}. Listed in {@code
 * META-INF/services/io.kailash.secrets.config.SecretProviderFactory}, which is all it takes for the
 * library (on the class path) and the agent (in {@code extensions}) to find it.
 */
public final class InHouseProviderFactory implements SecretProviderFactory {

  static final String FILE = "file";

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.noDefault(
              FILE, "the key=value file (UTF-8, java.util.Properties syntax) holding the secrets"));

  /** ServiceLoader's constructor: public, no arguments, no work. */
  public InHouseProviderFactory() {}

  @Override
  public String type() {
    return InHouseSecretProvider.TYPE;
  }

  @Override
  public Set<String> keys() {
    return ConfigKey.names(KEYS);
  }

  @Override
  public List<ConfigKey> describedKeys() {
    return KEYS;
  }

  /** No I/O here: a missing file is reported by the first read, like an unreachable server. */
  @Override
  public SecretProvider create(ProviderSettings settings) {
    String file = settings.require(FILE);
    try {
      return new InHouseSecretProvider(Path.of(file));
    } catch (InvalidPathException e) {
      throw settings.invalid(FILE, "a file path");
    }
  }
}
