package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretProviderFactory;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every configuration key the agent understands, with its default: the agent's own keys, the keys
 * of the layers around the provider chain ({@code cache.*}, {@code audit.*} ...), and each provider
 * factory's keys under its type ({@code vault.url}). Factories also name their credential keys.
 *
 * <p>{@link #withInstances} adds the keys of named provider instances ({@code vault-prod.url} for
 * {@code vault-prod.type = vault}), once {@code providers} has been read.
 */
public final class KeyCatalog {

  private final Map<String, String> agentDefaults;
  private final Map<String, String> defaults = new TreeMap<>();
  private final Set<String> credentialKeys = new HashSet<>();
  private final Map<String, String> keyByEnvironmentName = new HashMap<>();
  private final Map<String, Set<String>> ambiguousEnvironmentNames = new HashMap<>();
  private final Map<String, SecretProviderFactory> factories;
  private final Map<String, String> typeByInstance;
  private final Set<String> untypedInstances;

  /**
   * @param agentDefaults the agent's own keys and the layer keys, to default ("" for none)
   * @param factories the provider factories by type
   */
  public KeyCatalog(
      Map<String, String> agentDefaults, Map<String, SecretProviderFactory> factories) {
    this(agentDefaults, factories, Map.of(), Set.of());
  }

  private KeyCatalog(
      Map<String, String> agentDefaults,
      Map<String, SecretProviderFactory> factories,
      Map<String, String> typeByInstance,
      Set<String> untypedInstances) {
    this.agentDefaults = Map.copyOf(agentDefaults);
    this.factories = Map.copyOf(factories);
    this.typeByInstance = Collections.unmodifiableMap(new LinkedHashMap<>(typeByInstance));
    this.untypedInstances = Set.copyOf(untypedInstances);
    defaults.putAll(agentDefaults);
    for (SecretProviderFactory factory : factories.values()) {
      addProviderKeys(factory.type(), factory);
    }
    for (Map.Entry<String, String> instance : typeByInstance.entrySet()) {
      defaults.put(instance.getKey() + "." + ProviderInstances.TYPE_KEY, "");
      if (!instance.getKey().equals(instance.getValue())) {
        addProviderKeys(instance.getKey(), factories.get(instance.getValue()));
      }
    }
    for (String instance : untypedInstances) {
      defaults.put(instance + "." + ProviderInstances.TYPE_KEY, "");
    }
    for (String key : defaults.keySet()) {
      String environmentName = ConfigSource.environmentName(key);
      String earlier = keyByEnvironmentName.putIfAbsent(environmentName, key);
      if (earlier != null) {
        // vault-aws.region (an aws instance) and vault.aws.region share a variable: neither wins.
        Set<String> sharing = ambiguousEnvironmentNames.get(environmentName);
        if (sharing == null) {
          sharing = new TreeSet<>();
          sharing.add(earlier);
          ambiguousEnvironmentNames.put(environmentName, sharing);
        }
        sharing.add(key);
      }
    }
    // Loops, not lambdas: this runs in premain, where each new lambda shape costs start-up time.
    for (String shared : ambiguousEnvironmentNames.keySet()) {
      keyByEnvironmentName.remove(shared);
    }
  }

  private void addProviderKeys(String prefix, SecretProviderFactory factory) {
    for (String key : factory.keys()) {
      defaults.put(prefix + "." + key, "");
    }
    for (String key : factory.credentialKeys()) {
      credentialKeys.add(prefix + "." + key);
    }
  }

  /**
   * This catalog plus the keys of the given provider instances: for each, {@code <name>.type}, and
   * for one not named after its type, its type's keys (and credential keys) under its name.
   */
  public KeyCatalog withInstances(ProviderInstances instances) {
    return new KeyCatalog(agentDefaults, factories, instances.types(), instances.unresolved());
  }

  /**
   * Whether {@code key} lies under a provider {@code providers} names whose type is unknown: its
   * keys cannot be checked, and the unknown type is the problem to report.
   */
  public boolean isUnderUntypedInstance(String key) {
    int dot = key.indexOf('.');
    return dot > 0 && untypedInstances.contains(key.substring(0, dot));
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

  /** The key whose environment variable is {@code name}, or {@code null} (also if ambiguous). */
  public String keyForEnvironmentName(String name) {
    return keyByEnvironmentName.get(name);
  }

  /** The keys that share the environment variable {@code name}, if more than one does. */
  public Set<String> keysSharingEnvironmentName(String name) {
    return ambiguousEnvironmentNames.getOrDefault(name, Set.of());
  }

  /** Whether the factory of the provider {@code provider} declares the key {@code relativeKey}. */
  boolean factoryKnows(String provider, String relativeKey) {
    SecretProviderFactory factory = factories.get(typeByInstance.getOrDefault(provider, provider));
    return factory != null && factory.keys().contains(relativeKey);
  }

  /** Every known key, sorted. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(defaults.keySet());
  }

  public Map<String, SecretProviderFactory> factories() {
    return factories;
  }

  /** The provider instances {@link #withInstances} added, name to type, in chain order. */
  public Map<String, String> instances() {
    return typeByInstance;
  }

  /**
   * The first segments of the agent's own and the layers' keys ({@code cache}, {@code audit} ...),
   * which no provider instance may take as its name.
   */
  public Set<String> reservedNames() {
    Set<String> reserved = new TreeSet<>();
    for (String key : agentDefaults.keySet()) {
      int dot = key.indexOf('.');
      reserved.add(dot < 0 ? key : key.substring(0, dot));
    }
    // requirements.<class> is a prefix key, not in the table: an instance named 'requirements'
    // would make its keys indistinguishable from class names.
    String prefix = AgentKeys.REQUIREMENTS_PREFIX;
    reserved.add(prefix.substring(0, prefix.length() - 1));
    return reserved;
  }
}
