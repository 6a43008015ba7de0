package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent's effective configuration: every known key with its resolved value (references
 * replaced, defaults filled in), typed getters whose errors name the key and the accepted values,
 * and a masked description for {@code config.show}.
 */
public final class AgentConfig {

  private final Map<String, String> values;
  private final KeyCatalog catalog;
  private final Map<String, ConfigSource> sources;
  private final ConfigFile.Location file;

  AgentConfig(
      Map<String, String> values,
      KeyCatalog catalog,
      Map<String, ConfigSource> sources,
      ConfigFile.Location file) {
    this.values = values;
    this.catalog = catalog;
    this.sources = sources;
    this.file = file;
  }

  static AgentConfig disabled() {
    return new AgentConfig(
        Map.of(AgentKeys.ENABLED, "false"),
        new KeyCatalog(AgentKeys.defaults(), Map.of()),
        Map.of(),
        null);
  }

  public boolean enabled() {
    return bool(AgentKeys.ENABLED);
  }

  /** The provider types of the chain, in order; each is a known type, none twice. */
  public List<String> providers() {
    List<String> types = new ArrayList<>();
    for (String part : string(AgentKeys.PROVIDERS).split(",")) {
      String type = part.trim().toLowerCase(Locale.ROOT);
      if (type.isEmpty()) {
        continue;
      }
      if (!catalog.factories().containsKey(type)) {
        throw new SecretsConfigurationException(
            "Unknown provider '"
                + type
                + "' in '"
                + AgentKeys.PROVIDERS
                + "'. Known providers: "
                + String.join(", ", new TreeSet<>(catalog.factories().keySet()))
                + "."
                + KeySuggestions.didYouMean(type, catalog.factories().keySet()));
      }
      if (types.contains(type)) {
        throw new SecretsConfigurationException(
            "The provider '" + type + "' is named twice in '" + AgentKeys.PROVIDERS + "'.");
      }
      types.add(type);
    }
    if (types.isEmpty()) {
      throw new SecretsConfigurationException(
          "'" + AgentKeys.PROVIDERS + "' names no provider; give at least one, e.g. 'env'.");
    }
    return types;
  }

  /** The keys under {@code prefix.}, relative to it, for a provider factory or a layer. */
  public ProviderSettings settings(String prefix) {
    Map<String, String> relative = new LinkedHashMap<>();
    Set<String> credentials = new HashSet<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith(prefix + ".")) {
        String name = key.substring(prefix.length() + 1);
        relative.put(name, entry.getValue());
        if (catalog.isCredential(key)) {
          credentials.add(name);
        }
      }
    }
    return new ProviderSettings(prefix, relative, credentials);
  }

  /** The keys under {@code prefix} (which ends with '.'), by what follows it, with their values. */
  public Map<String, String> underPrefix(String prefix) {
    Map<String, String> found = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      if (entry.getKey().startsWith(prefix)) {
        found.put(entry.getKey().substring(prefix.length()), entry.getValue());
      }
    }
    return found;
  }

  public String string(String key) {
    return values.getOrDefault(key, "").trim();
  }

  public Optional<Path> path(String key) {
    String value = string(key);
    return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
  }

  public boolean bool(String key) {
    return switch (oneOf(key, "true", "false", "yes", "no", "on", "off")) {
      case "true", "yes", "on" -> true;
      default -> false;
    };
  }

  /**
   * The value of {@code key}, lower case, checked to be one of {@code accepted}.
   *
   * @throws SecretsConfigurationException naming the key and the accepted values
   */
  public String oneOf(String key, String... accepted) {
    String value = string(key).toLowerCase(Locale.ROOT);
    for (String candidate : accepted) {
      if (candidate.equals(value)) {
        return value;
      }
    }
    String shown = catalog.isCredential(key) ? "(masked)" : "'" + string(key) + "'";
    throw new SecretsConfigurationException(
        "Invalid value "
            + shown
            + " for '"
            + key
            + "': expected one of "
            + String.join(", ", accepted)
            + ".");
  }

  /** Every key that was set, with its source, credentials masked: for {@code config.show}. */
  public String describe() {
    StringBuilder out = new StringBuilder("kailash-secrets effective configuration");
    out.append(file == null ? " (no file)" : " (file " + file.path() + ")").append(':');
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String key = entry.getKey();
      ConfigSource source = sources.getOrDefault(key, ConfigSource.DEFAULT);
      if (source == ConfigSource.DEFAULT && entry.getValue().isEmpty()) {
        continue;
      }
      String shown = catalog.isCredential(key) ? "****" : entry.getValue();
      out.append(System.lineSeparator())
          .append("  ")
          .append(key)
          .append(" = ")
          .append(shown)
          .append("  [")
          .append(source.name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(']');
    }
    return out.toString();
  }
}
