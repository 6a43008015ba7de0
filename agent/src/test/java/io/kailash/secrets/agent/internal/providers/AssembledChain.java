package io.kailash.secrets.agent.internal.providers;

import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.agent.internal.config.AgentConfig;
import io.kailash.secrets.agent.internal.config.AgentConfigLoader;
import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.agent.internal.config.KeyCatalog;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretProviderFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Assembles the agent's provider chain from configuration keys, as the agent does at start, with
 * the real provider factories except {@code env}, which reads a given map instead of the process
 * environment.
 */
final class AssembledChain {

  final Map<String, String> environment = new HashMap<>();
  final MBeanPublisher mbeans = new MBeanPublisher();
  private final Map<String, String> keys = new LinkedHashMap<>();

  /** Sets a configuration key, as {@code KAILASH_SECRETS_<KEY>} (credentials may come so). */
  AssembledChain with(String key, String value) {
    keys.put(key, value);
    return this;
  }

  SecretProvider assemble() {
    Map<String, SecretProviderFactory> factories =
        new LinkedHashMap<>(SecretProviderFactories.available());
    factories.put("env", new MapEnvironmentFactory(environment));
    Map<String, String> defaults = new LinkedHashMap<>(AgentKeys.defaults());
    defaults.putAll(ProviderChainAssembler.layerKeys());
    Map<String, String> variables = new HashMap<>();
    keys.forEach(
        (key, value) ->
            variables.put(
                "KAILASH_SECRETS_" + key.toUpperCase().replace('.', '_').replace('-', '_'), value));
    AgentConfig config =
        new AgentConfigLoader(new KeyCatalog(defaults, factories), Map.of(), variables)
            .load(null, null);
    return ProviderChainAssembler.assemble(config, factories, mbeans);
  }

  private record MapEnvironmentFactory(Map<String, String> environment)
      implements SecretProviderFactory {
    @Override
    public String type() {
      return "env";
    }

    @Override
    public Set<String> keys() {
      return Set.of("prefix");
    }

    @Override
    public SecretProvider create(ProviderSettings settings) {
      return new EnvironmentSecretProvider("T_", environment);
    }
  }
}
