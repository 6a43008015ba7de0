package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
  private ProviderInstances instances; // read on first use; the values never change

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

  /**
   * The providers of the chain, in order: each name in {@code providers}, a type ({@code vault}) or
   * a named instance of one ({@code vault-prod} with {@code vault-prod.type = vault}).
   *
   * @throws SecretsConfigurationException naming the first problem of {@link #providerInstances()}
   */
  public List<String> providers() {
    ProviderInstances instances = providerInstances();
    if (!instances.problems().isEmpty()) {
      throw new SecretsConfigurationException(instances.problems().get(0));
    }
    return List.copyOf(instances.types().keySet());
  }

  /** The type of the provider {@code name} of {@link #providers()}. */
  public String providerType(String name) {
    String type = providerInstances().types().get(name);
    if (type == null) {
      throw new IllegalArgumentException("not a provider of the chain: " + name);
    }
    return type;
  }

  /** The providers {@code providers} names with their types, and every problem with them. */
  public ProviderInstances providerInstances() {
    ProviderInstances read = instances;
    if (read == null) {
      read =
          ProviderInstances.read(
              string(AgentKeys.PROVIDERS), values, catalog.factories(), catalog.reservedNames());
      instances = read;
    }
    return read;
  }

  /**
   * The keys under {@code prefix.}, relative to it, for a provider (by its name in {@code
   * providers}, e.g. {@code vault-prod}) or a layer.
   */
  public ProviderSettings settings(String prefix) {
    Map<String, String> relative = new LinkedHashMap<>();
    Set<String> credentials = new HashSet<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith(prefix + ".")) {
        String name = key.substring(prefix.length() + 1);
        if (name.equals(ProviderInstances.TYPE_KEY) && !catalog.factoryKnows(prefix, name)) {
          continue; // the instance's type, for the agent: not one of the factory's keys
        }
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
