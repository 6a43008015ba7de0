package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the agent's configuration from its four sources and checks it.
 *
 * <p>Precedence, highest first: agent argument, system property {@code kailash.secrets.<key>},
 * environment variable {@code KAILASH_SECRETS_<KEY>}, properties file, default. Every key given
 * anywhere must be known; a credential key must not be given literally where {@code ps} shows it.
 * {@code enabled=false} is honoured before anything else is checked, so the kill switch works even
 * with a broken configuration.
 */
public final class AgentConfigLoader {

  private final KeyCatalog baseCatalog;

  /** The base catalog plus the keys of the provider instances {@code providers} names. */
  private KeyCatalog catalog;

  private final Map<String, String> systemProperties;
  private final Map<String, String> environment;
  private final Map<String, ConfigEntry> merged = new LinkedHashMap<>();
  private final List<String> unknownEnvironmentNames = new ArrayList<>();
  private final List<String> refusedRequirementVariables = new ArrayList<>();

  private static final String REQUIREMENTS_VARIABLE =
      ConfigSource.environmentName(AgentKeys.REQUIREMENTS_PREFIX);
  private final List<String> warnings = new ArrayList<>();

  /** Where problems go in {@link #loadReportingAll}; {@code null}: the first one is thrown. */
  private List<String> problems;

  public AgentConfigLoader(
      KeyCatalog catalog, Map<String, String> systemProperties, Map<String, String> environment) {
    this.baseCatalog = catalog;
    this.catalog = catalog;
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  /**
   * For the {@code check} command: like {@link #load}, but an unknown key, a literal credential or
   * a bad reference is added to {@code found} and loading goes on, so that every such problem is
   * reported at once. The agent's start keeps {@link #load}: one line, the first problem.
   *
   * @throws SecretsConfigurationException only when the file itself cannot be read
   */
  public AgentConfig loadReportingAll(
      String agentArgs, Path agentJarDirectory, List<String> found) {
    problems = found;
    try {
      return load(agentArgs, agentJarDirectory);
    } finally {
      problems = null;
    }
  }

  /** A copy of the JVM's system properties, the form this loader (and check) reads them in. */
  public static Map<String, String> systemProperties() {
    Properties properties = System.getProperties();
    Map<String, String> copy = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      copy.put(name, properties.getProperty(name));
    }
    return copy;
  }

  /**
   * @throws SecretsConfigurationException naming the first problem found
   */
  public AgentConfig load(String agentArgs, Path agentJarDirectory) {
    catalog = baseCatalog;
    unknownEnvironmentNames.clear();
    refusedRequirementVariables.clear();
    Map<String, String> arguments = AgentArguments.parse(agentArgs);
    List<ConfigEntry> environmentEntries = fromEnvironment();
    List<ConfigEntry> propertyEntries = fromSystemProperties();
    List<ConfigEntry> argumentEntries = fromArguments(arguments);
    addAll(environmentEntries);
    addAll(propertyEntries);
    addAll(argumentEntries);
    if (!enabled()) {
      return AgentConfig.disabled();
    }
    ConfigFile.Location location =
        ConfigFile.locate(arguments, systemProperties, environment, agentJarDirectory);
    List<ConfigEntry> fileEntries = new ArrayList<>();
    if (location != null) {
      for (Map.Entry<String, String> pair : ConfigFile.read(location).entrySet()) {
        fileEntries.add(new ConfigEntry(pair.getKey(), pair.getValue(), ConfigSource.FILE));
      }
    }
    merged.clear();
    for (List<ConfigEntry> lowToHigh :
        List.of(fileEntries, environmentEntries, propertyEntries, argumentEntries)) {
      addAll(lowToHigh);
    }
    if (!enabled()) {
      return AgentConfig.disabled();
    }
    // Now that 'providers' and the '<name>.type' keys are known, so are the instances' keys, and
    // the environment variables that set them (KAILASH_SECRETS_VAULT_PROD_URL) can be mapped.
    catalog = baseCatalog.withInstances(InstanceKeys.named(merged, environment, baseCatalog));
    unknownEnvironmentNames.clear();
    refusedRequirementVariables.clear();
    environmentEntries = fromEnvironment();
    merged.clear();
    for (List<ConfigEntry> lowToHigh :
        List.of(fileEntries, environmentEntries, propertyEntries, argumentEntries)) {
      addAll(lowToHigh);
    }
    for (String name : refusedRequirementVariables) {
      problem(
          new SecretsConfigurationException(
              "The environment variable "
                  + name
                  + " cannot declare secret requirements: a variable name cannot spell a class"
                  + " name (case, '.' and '$' are lost). Write requirements.<class> in the"
                  + " configuration file, or as -Dkailash.secrets.requirements.<class>."));
    }
    for (String name : unknownEnvironmentNames) {
      Set<String> sharing = catalog.keysSharingEnvironmentName(name);
      if (!sharing.isEmpty()) {
        problem(new SecretsConfigurationException(InstanceKeys.sharedVariable(name, sharing)));
        continue;
      }
      List<String> known = new ArrayList<>();
      catalog.keys().forEach(key -> known.add(ConfigSource.environmentName(key)));
      problem(
          new SecretsConfigurationException(
              "Unknown configuration key in the environment variable "
                  + name
                  + "."
                  + KeySuggestions.didYouMean(name, known)
                  + " See docs/configuration.md for every key."));
    }
    for (ConfigEntry entry : merged.values()) {
      requireKnown(entry.key(), entry.source());
    }
    List<String> candidates = new ArrayList<>(catalog.keys());
    candidates.add(ConfigFile.LOCATION_KEY);
    warnings.addAll(MisprefixedVariables.warnings(environment, candidates));
    for (List<ConfigEntry> entries : List.of(propertyEntries, argumentEntries)) {
      for (ConfigEntry entry : entries) {
        refuseLiteralCredential(entry);
      }
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    for (String key : catalog.keys()) {
      ConfigEntry entry = merged.get(key);
      String value = catalog.defaultOf(key);
      if (entry != null) {
        try {
          value = ValueReferences.resolve(key, entry.value(), environment);
        } catch (SecretsConfigurationException e) {
          problem(e);
        }
      }
      resolved.put(key, value);
    }
    for (ConfigEntry entry : merged.values()) {
      if (AgentKeys.isPrefixKey(entry.key())) {
        try {
          resolved.put(
              entry.key(), ValueReferences.resolve(entry.key(), entry.value(), environment));
        } catch (SecretsConfigurationException e) {
          problem(e);
        }
      }
    }
    return new AgentConfig(resolved, catalog, sources(), location);
  }

  /**
   * What {@link #load} found questionable but not wrong, one line each, to log once the agent's
   * logging is set up: e.g. {@code KAILASH_SECRET_PROVIDERS}, a configuration key behind a misspelt
   * prefix. Never a value.
   */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * The {@code on-config-error} policy as far as it could be read: call after {@link #load} threw.
   */
  public boolean warnOnConfigError() {
    ConfigEntry entry = merged.get(AgentKeys.ON_CONFIG_ERROR);
    return entry != null && entry.value().trim().equalsIgnoreCase("warn");
  }

  private boolean enabled() {
    ConfigEntry entry = merged.get(AgentKeys.ENABLED);
    return entry == null || !entry.value().trim().equalsIgnoreCase("false");
  }

  private void addAll(List<ConfigEntry> entries) {
    for (ConfigEntry entry : entries) {
      merged.put(entry.key(), entry);
    }
  }

  private Map<String, ConfigSource> sources() {
    Map<String, ConfigSource> sources = new LinkedHashMap<>();
    for (ConfigEntry entry : merged.values()) {
      sources.put(entry.key(), entry.source());
    }
    return sources;
  }

  // Loops, not lambdas, in this class: it runs in premain, where each new lambda shape costs
  // start-up time.

  private List<ConfigEntry> fromArguments(Map<String, String> arguments) {
    List<ConfigEntry> entries = new ArrayList<>();
    for (Map.Entry<String, String> pair : arguments.entrySet()) {
      if (!pair.getKey().equals(ConfigFile.LOCATION_KEY)) {
        entries.add(new ConfigEntry(pair.getKey(), pair.getValue(), ConfigSource.AGENT_ARGUMENT));
      }
    }
    return entries;
  }

  private List<ConfigEntry> fromSystemProperties() {
    List<ConfigEntry> entries = new ArrayList<>();
    String prefix = ConfigSource.SYSTEM_PROPERTY_PREFIX;
    for (Map.Entry<String, String> property : withPrefix(systemProperties, prefix).entrySet()) {
      String key = property.getKey().substring(prefix.length());
      entries.add(new ConfigEntry(key, property.getValue(), ConfigSource.SYSTEM_PROPERTY));
    }
    return entries;
  }

  private List<ConfigEntry> fromEnvironment() {
    List<ConfigEntry> entries = new ArrayList<>();
    for (Map.Entry<String, String> variable :
        withPrefix(environment, ConfigSource.ENVIRONMENT_PREFIX).entrySet()) {
      String key = catalog.keyForEnvironmentName(variable.getKey());
      if (key == null && variable.getKey().startsWith(REQUIREMENTS_VARIABLE)) {
        refusedRequirementVariables.add(variable.getKey());
      } else if (key == null) {
        unknownEnvironmentNames.add(variable.getKey()); // reported after the kill switch is read
      } else {
        entries.add(new ConfigEntry(key, variable.getValue(), ConfigSource.ENVIRONMENT));
      }
    }
    return entries;
  }

  /** The entries whose name starts with {@code prefix}, except the config file's location. */
  private static Map<String, String> withPrefix(Map<String, String> source, String prefix) {
    Map<String, String> selected = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : source.entrySet()) {
      String name = entry.getKey();
      if (name.startsWith(prefix)
          && !name.substring(prefix.length()).equalsIgnoreCase(ConfigFile.LOCATION_KEY)) {
        selected.put(name, entry.getValue());
      }
    }
    return selected;
  }

  private void requireKnown(String key, ConfigSource source) {
    if (catalog.isKnown(key) || catalog.isUnderUntypedInstance(key)) {
      return; // an instance of an unknown type: that type is the problem, reported by providers()
    }
    String aboutAnInstance = InstanceKeys.unknownKey(catalog, key, source);
    if (aboutAnInstance != null) {
      problem(new SecretsConfigurationException(aboutAnInstance));
      return;
    }
    problem(
        new SecretsConfigurationException(
            "Unknown configuration key '"
                + key
                + "' (from "
                + source.spelling(key)
                + ")."
                + KeySuggestions.didYouMean(key, candidatesFor(key))
                + " See docs/configuration.md for every key."));
  }

  /** The known keys, and the requirements key {@code key} may have meant to be. */
  private List<String> candidatesFor(String key) {
    List<String> candidates = new ArrayList<>(catalog.keys());
    int dot = key.indexOf('.');
    if (dot > 0 && dot < key.length() - 1) {
      candidates.add(AgentKeys.REQUIREMENTS_PREFIX + key.substring(dot + 1));
    }
    return candidates;
  }

  /** Throws {@code e}, or records it when every problem is wanted ({@link #loadReportingAll}). */
  private void problem(SecretsConfigurationException e) {
    if (problems == null) {
      throw e;
    }
    problems.add(e.getMessage());
  }

  private void refuseLiteralCredential(ConfigEntry entry) {
    if (catalog.isCredential(entry.key()) && !ValueReferences.isReferenceOnly(entry.value())) {
      problem(
          new SecretsConfigurationException(
              "'"
                  + entry.key()
                  + "' is a credential and was given literally through "
                  + entry.source().spelling(entry.key())
                  + ", where any user of this machine can read it with ps. Give a reference instead,"
                  + " e.g. ${env:VAULT_TOKEN} or ${file:/run/secrets/vault-token}, or put it in the"
                  + " configuration file."));
    }
  }
}
