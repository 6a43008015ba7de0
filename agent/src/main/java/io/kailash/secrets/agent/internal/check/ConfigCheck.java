package io.kailash.secrets.agent.internal.check;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.agent.internal.StartChecks;
import io.kailash.secrets.agent.internal.config.AgentConfig;
import io.kailash.secrets.agent.internal.config.AgentConfigLoader;
import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.agent.internal.config.ConfigFile;
import io.kailash.secrets.agent.internal.config.KeyCatalog;
import io.kailash.secrets.agent.internal.config.PolicySettings;
import io.kailash.secrets.agent.internal.config.ProviderInstances;
import io.kailash.secrets.agent.internal.config.RequirementSettings;
import io.kailash.secrets.agent.internal.providers.InstanceNamedProvider;
import io.kailash.secrets.agent.internal.providers.MBeanPublisher;
import io.kailash.secrets.agent.internal.providers.ProviderChainAssembler;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.internal.ConfiguredRequirements;
import io.kailash.secrets.policy.SecretPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the configuration as the agent would (file, environment, system properties) and runs each
 * of the agent's start-up checks on its own, so that every problem is reported, not just the first.
 *
 * @param problems every configuration error, each a message the agent would print
 * @param providers the providers that could be built, by their name in {@code providers}, in chain
 *     order
 * @param providerTypes the type of each of {@code providers}
 * @param policy the secret policy, or {@link SecretPolicy#none()} when it could not be read
 * @param requirements the {@code requirements.<class>} keys, or none when they could not be read
 */
record ConfigCheck(
    List<String> problems,
    Map<String, SecretProvider> providers,
    Map<String, String> providerTypes,
    SecretPolicy policy,
    ConfiguredRequirements requirements) {

  static ConfigCheck of(
      Path configFile,
      Map<String, SecretProviderFactory> factories,
      Map<String, String> defaults,
      Map<String, String> systemProperties,
      Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    AgentConfigLoader loader =
        new AgentConfigLoader(new KeyCatalog(defaults, factories), systemProperties, environment);
    AgentConfig config;
    try {
      config = loader.loadReportingAll(ConfigFile.LOCATION_KEY + "=" + configFile, null, problems);
    } catch (SecretsConfigurationException | IllegalArgumentException unreadable) {
      problems.add(unreadable.getMessage());
      return new ConfigCheck(
          problems, Map.of(), Map.of(), SecretPolicy.none(), ConfiguredRequirements.none());
    }
    if (!config.enabled()) {
      problems.add("'" + AgentKeys.ENABLED + "' is false: the agent would inject nothing.");
      return new ConfigCheck(
          problems, Map.of(), Map.of(), SecretPolicy.none(), ConfiguredRequirements.none());
    }
    attempt(problems, () -> StartChecks.agentKeys(config));
    Map<String, SecretProvider> providers = new LinkedHashMap<>();
    ProviderInstances instances = config.providerInstances();
    problems.addAll(instances.problems());
    Map<String, String> types = new LinkedHashMap<>();
    for (Map.Entry<String, String> instance : instances.types().entrySet()) {
      String name = instance.getKey();
      SecretProviderFactory factory = factories.get(instance.getValue());
      attempt(
          problems,
          () ->
              providers.put(
                  name, InstanceNamedProvider.named(factory.create(config.settings(name)), name)));
      if (providers.containsKey(name)) {
        types.put(name, instance.getValue());
      }
    }
    if (instances.problems().isEmpty() && providers.size() == instances.types().size()) {
      // The layers (chain, resilience, cache) check their own keys as they are built.
      attempt(
          problems, () -> ProviderChainAssembler.assemble(config, factories, new MBeanPublisher()));
    }
    SecretPolicy[] policy = {SecretPolicy.none()};
    attempt(problems, () -> policy[0] = PolicySettings.read(config));
    ConfiguredRequirements[] requirements = {ConfiguredRequirements.none()};
    attempt(problems, () -> requirements[0] = RequirementSettings.read(config));
    // Two steps may meet the same problem (the agent's keys and the chain both read 'providers').
    return new ConfigCheck(
        List.copyOf(new LinkedHashSet<>(problems)), providers, types, policy[0], requirements[0]);
  }

  private static void attempt(List<String> problems, Runnable step) {
    try {
      step.run();
    } catch (SecretsConfigurationException | IllegalArgumentException e) {
      // Builders reject out-of-range values (a cache size of 0) with IllegalArgumentException.
      problems.add(e.getMessage());
    }
  }
}
