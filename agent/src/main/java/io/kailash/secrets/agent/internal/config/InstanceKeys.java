package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretsConfigurationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the loader needs to know about named provider instances ({@code vault-prod.type = vault})
 * before their keys can be checked: which instances the merged entries name, and the messages for
 * keys that concern an instance.
 */
final class InstanceKeys {

  private InstanceKeys() {}

  /**
   * The instances {@code providers} names in the merged entries, with the types their {@code
   * <name>.type} keys give. A type from the environment ({@code KAILASH_SECRETS_VAULT_PROD_TYPE})
   * is found by the name's variable, which the base catalog cannot map yet; precedence as for any
   * key (agent argument and {@code -D} above the environment, the file below).
   */
  static ProviderInstances named(
      Map<String, ConfigEntry> merged, Map<String, String> environment, KeyCatalog base) {
    ConfigEntry providers = merged.get(AgentKeys.PROVIDERS);
    String listed = providers == null ? base.defaultOf(AgentKeys.PROVIDERS) : providers.value();
    Map<String, String> typeValues = new LinkedHashMap<>();
    for (String part : listed.split(",")) {
      String typeKey = part.trim().toLowerCase(Locale.ROOT) + "." + ProviderInstances.TYPE_KEY;
      ConfigEntry entry = merged.get(typeKey);
      String fromEnvironment = environment.get(ConfigSource.environmentName(typeKey));
      String value = null;
      if (entry != null && entry.source().visibleOnCommandLine()) {
        value = entry.value();
      } else if (fromEnvironment != null) {
        value = fromEnvironment;
      } else if (entry != null) {
        value = entry.value();
      }
      if (value != null) {
        try {
          typeValues.put(typeKey, ValueReferences.resolve(typeKey, value, environment));
        } catch (SecretsConfigurationException reportedLater) {
          // The configuration resolves the key again, and reports the problem then.
        }
      }
    }
    return ProviderInstances.read(listed, typeValues, base.factories(), base.reservedNames());
  }

  /**
   * The message for an unknown {@code key} that concerns a provider instance: a type key for a name
   * {@code providers} does not list, or a key the instance's type does not have; {@code null} for
   * any other key.
   */
  static String unknownKey(KeyCatalog catalog, String key, ConfigSource source) {
    int dot = key.indexOf('.');
    if (dot < 0) {
      return null;
    }
    String instance = key.substring(0, dot);
    String relative = key.substring(dot + 1);
    if (relative.equals(ProviderInstances.TYPE_KEY)) {
      return "'"
          + key
          + "' (from "
          + source.spelling(key)
          + ") gives the type of a provider '"
          + instance
          + "' that '"
          + AgentKeys.PROVIDERS
          + "' does not name: add "
          + instance
          + " to '"
          + AgentKeys.PROVIDERS
          + "', or remove the key.";
    }
    String type = catalog.instances().get(instance);
    if (type == null) {
      return null;
    }
    return "Unknown configuration key '"
        + key
        + "' (from "
        + source.spelling(key)
        + "): the provider '"
        + instance
        + "' is of type "
        + type
        + ", which has no key '"
        + relative
        + "'."
        + KeySuggestions.didYouMean(key, catalog.keys())
        + " See docs/configuration.md for every key.";
  }

  /** The message for an environment variable that two or more keys map to. */
  static String sharedVariable(String name, Set<String> keys) {
    return "The environment variable "
        + name
        + " could set any of the keys "
        + String.join(", ", keys)
        + "; set the one you mean in the configuration file or as -D"
        + ConfigSource.SYSTEM_PROPERTY_PREFIX
        + "<key> instead.";
  }
}
