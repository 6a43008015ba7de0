package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretProviderFactory;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every configuration key the agent understands, with its default: the agent's own keys, the keys
 * of the layers around the provider chain ({@code cache.*}, {@code audit.*} ...), and each provider
 * factory's keys under its type ({@code vault.url}). Factories also name their credential keys.
 */
public final class KeyCatalog {

  private final Map<String, String> defaults = new TreeMap<>();
  private final Set<String> credentialKeys = new HashSet<>();
  private final Map<String, String> keyByEnvironmentName = new HashMap<>();
  private final Map<String, SecretProviderFactory> factories;

  /**
   * @param agentDefaults the agent's own keys and the layer keys, to default ("" for none)
   * @param factories the provider factories by type
   */
  public KeyCatalog(
      Map<String, String> agentDefaults, Map<String, SecretProviderFactory> factories) {
    this.factories = Map.copyOf(factories);
    defaults.putAll(agentDefaults);
    for (SecretProviderFactory factory : factories.values()) {
      for (String key : factory.keys()) {
        defaults.put(factory.type() + "." + key, "");
      }
      for (String key : factory.credentialKeys()) {
        credentialKeys.add(factory.type() + "." + key);
      }
    }
    for (String key : defaults.keySet()) {
      keyByEnvironmentName.put(ConfigSource.environmentName(key), key);
    }
  }

  /** A key of the table, or one of a prefix key's ({@code requirements.<class>}). */
  public boolean isKnown(String key) {
    return defaults.containsKey(key) || AgentKeys.isPrefixKey(key);
  }

  public String defaultOf(String key) {
    return defaults.getOrDefault(key, "");
  }

  /** Whether the value of {@code key} is a credential: masked when shown, refused on -D. */
  public boolean isCredential(String key) {
    return credentialKeys.contains(key);
  }

  /** The key whose environment variable is {@code name}, or {@code null}. */
  public String keyForEnvironmentName(String name) {
    return keyByEnvironmentName.get(name);
  }

  /** Every known key, sorted. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(defaults.keySet());
  }

  public Map<String, SecretProviderFactory> factories() {
    return factories;
  }
}
