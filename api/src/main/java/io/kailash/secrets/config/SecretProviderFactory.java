package io.kailash.secrets.config;

import io.kailash.secrets.SecretProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds one kind of provider from configuration keys, so that a provider chain can be named in a
 * properties file ({@code providers = vault, aws, env}).
 *
 * <p>Keys are relative to the provider type: the Vault factory reads {@code url} from the
 * configuration key {@code vault.url}.
 */
public interface SecretProviderFactory {

  /** The name used in {@code providers}, e.g. {@code vault}. */
  String type();

  /**
   * Every key this factory understands, relative to {@link #type()}. The default is the names of
   * {@link #describedKeys()}: a factory overrides one of the two (both defaults together mean no
   * keys).
   */
  default Set<String> keys() {
    return DerivedKeys.names(this);
  }

  /**
   * Every key of {@link #keys()} with its default and a description, for the generated reference in
   * docs/configuration.md. The default describes each key of {@link #keys()} without either; a
   * built-in factory overrides this one (and not {@code keys()}), and a test fails for a key it
   * leaves undescribed.
   */
  default List<ConfigKey> describedKeys() {
    return DerivedKeys.described(this);
  }

  /**
   * The keys whose values are credentials (tokens, secret ids). They are masked whenever the
   * configuration is shown, and refused when given literally on the command line.
   */
  default Set<String> credentialKeys() {
    return Set.of();
  }

  /**
   * Builds the provider. Implementations do no network I/O here: clients connect lazily, on the
   * first secret read, so that a JVM with the agent starts fast.
   *
   * @throws SecretsConfigurationException if a key is missing or malformed
   */
  SecretProvider create(ProviderSettings settings);

  /**
   * How long the provider itself lets one exchange with its backend take (e.g. {@code
   * vault.timeout}), if it has such a limit. A resilience layer's call timeout must be shorter, so
   * that it, not the provider, decides when a hanging backend is abandoned.
   *
   * @return the configured or default limit, or empty for providers that do no I/O
   */
  default Optional<Duration> exchangeTimeout(ProviderSettings settings) {
    return Optional.empty();
  }
}
