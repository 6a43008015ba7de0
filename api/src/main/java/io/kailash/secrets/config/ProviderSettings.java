package io.kailash.secrets.config;

import io.kailash.secrets.internal.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration keys of one provider (e.g. everything under {@code vault.}, or under {@code
 * vault-prod.} for a provider the configuration names {@code vault-prod}), with typed getters whose
 * errors name the full key and the accepted forms.
 *
 * <p>Values are already resolved: {@code ${env:NAME}} and {@code ${file:/path}} references were
 * replaced before a {@code ProviderSettings} is built.
 */
public final class ProviderSettings {

  private final String prefix;
  private final Map<String, String> values;
  private final Set<String> credentialKeys;

  /**
   * @param prefix the provider's name in the configuration: its type ({@code vault}) or the name of
   *     an instance of it ({@code vault-prod}); keys are relative to it
   * @param values relative key to resolved value
   * @param credentialKeys relative keys whose values must never be shown
   */
  public ProviderSettings(String prefix, Map<String, String> values, Set<String> credentialKeys) {
    this.prefix = prefix;
    this.values = new TreeMap<>(values);
    this.credentialKeys = Set.copyOf(credentialKeys);
  }

  public static ProviderSettings of(String prefix, Map<String, String> values) {
    return new ProviderSettings(prefix, values, Set.of());
  }

  /**
   * The provider's name in the configuration, which prefixes its keys: the type ({@code vault}), or
   * an instance's own name ({@code vault-prod} with {@code vault-prod.type = vault}). A factory
   * gives it to the provider it builds as its {@link io.kailash.secrets.SecretProvider#name()}, so
   * that messages, audit records and JMX name the instance.
   */
  public String prefix() {
    return prefix;
  }

  public Optional<String> get(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String string(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  public String require(String key) {
    return get(key)
        .orElseThrow(
            () ->
                new SecretsConfigurationException(
                    "Missing required key '" + fullKey(key) + "' for provider '" + prefix + "'."));
  }

  public int integer(String key, int defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw invalid(key, "a whole number such as 3");
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw invalid(key, "true or false");
    };
  }

  public Duration duration(String key, Duration defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      return Durations.parse(raw.get());
    } catch (IllegalArgumentException e) {
      throw invalid(key, "a duration such as 250ms, 30s, 5m, 1h or PT5M, at most 365d");
    }
  }

  public Optional<Path> path(String key) {
    return get(key).map(Path::of);
  }

  /** The full configuration key, e.g. {@code vault.url} for {@code url}. */
  public String fullKey(String key) {
    return prefix + "." + key;
  }

  /**
   * The error for a value of {@code key} that cannot be used: names the full key, shows the value
   * as written (masked for credential keys) and says what is expected.
   */
  public SecretsConfigurationException invalid(String key, String expected) {
    String shown = credentialKeys.contains(key) ? "(masked)" : "'" + values.get(key) + "'";
    return new SecretsConfigurationException(
        "Invalid value " + shown + " for key '" + fullKey(key) + "': expected " + expected + ".");
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(prefix).append('{');
    values.forEach(
        (key, value) ->
            out.append(key)
                .append('=')
                .append(credentialKeys.contains(key) ? "****" : value)
                .append(", "));
    if (!values.isEmpty()) {
      out.setLength(out.length() - 2);
    }
    return out.append('}').toString();
  }
}
