package io.kailash.secrets.config;

import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.secrets.SecretProvider;
import java.util.List;

/**
 * Builds an {@link EnvironmentSecretProvider} from the keys under {@code env.}: {@code prefix}
 * (default {@value EnvironmentSecretProvider#DEFAULT_PREFIX}).
 */
public final class EnvironmentProviderFactory implements SecretProviderFactory {

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.of(
              "prefix",
              EnvironmentSecretProvider.DEFAULT_PREFIX,
              "the prefix of the variables read: `jwt-signing-key` is `<prefix>JWT_SIGNING_KEY`"));

  @Override
  public String type() {
    return "env";
  }

  @Override
  public List<ConfigKey> describedKeys() {
    return KEYS;
  }

  @Override
  public SecretProvider create(ProviderSettings settings) {
    String prefix = settings.string("prefix", EnvironmentSecretProvider.DEFAULT_PREFIX);
    // No SettingsSupport.checked(lambda): this runs in the agent's premain with providers = env.
    try {
      return new EnvironmentSecretProvider(prefix);
    } catch (IllegalArgumentException rejected) {
      throw SettingsSupport.invalidValue(settings, "prefix", rejected);
    }
  }
}
