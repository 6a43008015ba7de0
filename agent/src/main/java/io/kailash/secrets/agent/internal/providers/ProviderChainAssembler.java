package io.kailash.secrets.agent.internal.providers;

import io.kailash.secrets.ChainSecretProvider;
import io.kailash.secrets.ChainSecretProvider.OnTransientFailure;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.agent.internal.config.AgentConfig;
import io.kailash.secrets.agent.internal.resolve.ResolutionAudit;
import io.kailash.secrets.audit.JsonLinesAuditSink;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.secrets.cache.CachingSecretProviderBuilder;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.resilience.ResilientSecretProvider;
import io.kailash.secrets.resilience.ResilientSecretProviderBuilder;
import io.kailash.secrets.resilience.StartupJitter;
import io.kailash.secrets.resilience.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds what the agent resolves secrets through, from the configuration: each provider named in
 * {@code providers} (by its factory, which validates its keys and connects lazily) inside its own
 * resilience layer, a chain over them, then the cache around the chain:
 *
 * <pre>
 *   cache -> chain(resilience(provider 1), resilience(provider 2), ...)
 * </pre>
 *
 * <p>Resilience is per provider, not per chain, so that each has its own circuit breaker, timeouts
 * and statistics (and MBean): a failing Vault opens Vault's circuit only, and the {@code env}
 * provider after it still answers. With {@code chain.on-transient-failure=fall-through} a member
 * that is not the last does not retry a timed-out attempt, so a hanging backend costs one call
 * timeout before the next provider is asked. Each provider's own exchange timeout (e.g. {@code
 * vault.timeout}) must be longer than {@code resilience.call-timeout}, checked here.
 *
 * <p>It also owns the keys of those layers ({@code chain.on-transient-failure}, {@code
 * startup.jitter}, {@code resilience.*}, {@code cache.*}, {@code audit.*}), so that the
 * configuration can reject unknown ones.
 */
public final class ProviderChainAssembler {

  private static final String CACHE = "cache";
  private static final String RESILIENCE = "resilience";
  private static final String AUDIT = "audit";
  private static final String ENABLED = "enabled";
  private static final String AUTO = "auto";

  /**
   * Providers that read this machine's environment or files: nothing to time out or retry, and a
   * cache would only delay a mounted secret's update (Kubernetes swaps files in place) by its TTL.
   */
  private static final Set<String> LOCAL_PROVIDERS = Set.of("env", "files");

  private static final String ON_TRANSIENT_FAILURE = "chain.on-transient-failure";
  private static final String STARTUP_JITTER = "startup.jitter";

  private ProviderChainAssembler() {}

  /** The layer keys and their defaults ("" for none: the layer's own default applies). */
  public static Map<String, String> layerKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(ON_TRANSIENT_FAILURE, "fail");
    keys.put(STARTUP_JITTER, "0s");
    // The builders' key sets and the sink's constants, not CachingSecretProvider.KEYS etc.: those
    // would initialise the layers' classes (and their SLF4J loggers) at start-up for nothing.
    addKeys(keys, CACHE, CachingSecretProviderBuilder.KEYS, AUTO);
    addKeys(keys, RESILIENCE, ResilientSecretProviderBuilder.KEYS, AUTO);
    keys.put(AUDIT + "." + ENABLED, "false");
    addKeys(
        keys,
        AUDIT,
        Set.of(
            JsonLinesAuditSink.FILE,
            JsonLinesAuditSink.MAX_FILE_SIZE,
            JsonLinesAuditSink.MAX_FILES),
        "false");
    return keys;
  }

  private static void addKeys(
      Map<String, String> keys, String prefix, Set<String> names, String enabledDefault) {
    for (String name : new TreeSet<>(names)) {
      keys.put(prefix + "." + name, name.equals(ENABLED) ? enabledDefault : "");
    }
  }

  /**
   * Whether what {@link #assemble} and {@link #audit} build logs through SLF4J: everything but the
   * environment provider alone, without cache, resilience or audit (it never logs).
   */
  public static boolean logsThroughSlf4j(AgentConfig config) {
    boolean remote = hasRemoteProvider(config);
    return remote
        || config.providers().size() > 1
        || layerOn(config, CACHE, remote)
        || layerOn(config, RESILIENCE, remote)
        || config.bool(AUDIT + "." + ENABLED);
  }

  /** Whether {@link #assemble} puts a cache in front of the chain. */
  public static boolean isCached(AgentConfig config) {
    return layerOn(config, CACHE, hasRemoteProvider(config));
  }

  private static boolean hasRemoteProvider(AgentConfig config) {
    for (String name : config.providers()) {
      if (!LOCAL_PROVIDERS.contains(config.providerType(name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Each provider of {@code providers} is built by the factory of its type from the keys under its
   * own name ({@code vault-prod.url}), and named so ({@link InstanceNamedProvider}).
   *
   * @param factories the provider factories by type
   * @param mbeans told about the layers that have MBeans, for registration later
   * @throws SecretsConfigurationException if a provider's or layer's keys are missing or malformed
   */
  public static SecretProvider assemble(
      AgentConfig config, Map<String, SecretProviderFactory> factories, MBeanPublisher mbeans) {
    boolean fallThrough = onTransientFailure(config) == OnTransientFailure.FALL_THROUGH;
    boolean resilience = layerOn(config, RESILIENCE, hasRemoteProvider(config));
    boolean resilienceForced =
        !config.oneOf(RESILIENCE + "." + ENABLED, AUTO, "true", "false").equals(AUTO);
    List<String> names = config.providers();
    List<SecretProvider> providers = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String type = config.providerType(name);
      SecretProviderFactory factory = factories.get(type);
      ProviderSettings settings = config.settings(name);
      // Its own client, breaker, counters and MBean per instance, all under the instance's name.
      SecretProvider provider = InstanceNamedProvider.named(factory.create(settings), name);
      if (resilience && (resilienceForced || !LOCAL_PROVIDERS.contains(type))) {
        boolean last = i == names.size() - 1;
        ResilientSecretProvider resilient =
            ResilientSecretProvider.builder(provider)
                .settings(config.settings(RESILIENCE))
                .retryTimeouts(!fallThrough || last)
                .build();
        requireShorterCallTimeout(resilient, factory, settings);
        mbeans.resilience(resilient);
        provider = resilient;
      }
      providers.add(provider);
    }
    SecretProvider provider = chain(config, providers);
    Duration jitter = config.settings("startup").duration("jitter", Duration.ZERO);
    if (!jitter.isZero()) {
      provider = new StartupJitter(provider, jitter, TimeSource.system());
    }
    if (isCached(config)) {
      CachingSecretProvider cache =
          CachingSecretProvider.fromSettings(provider, config.settings(CACHE));
      mbeans.cache(cache);
      provider = cache;
    }
    return provider;
  }

  /**
   * The call timeout must fire before the provider's own: otherwise a hanging backend holds the
   * read for the provider's timeout, and a fall-through chain cannot move on in time.
   */
  private static void requireShorterCallTimeout(
      ResilientSecretProvider resilient, SecretProviderFactory factory, ProviderSettings settings) {
    Duration call = resilient.callTimeout();
    Optional<Duration> inner = factory.exchangeTimeout(settings);
    if (call.isZero() || inner.isEmpty() || call.compareTo(inner.get()) < 0) {
      return;
    }
    throw new SecretsConfigurationException(
        "The key '"
            + RESILIENCE
            + ".call-timeout' ("
            + call.toMillis()
            + " ms"
            + ") must be shorter than '"
            + settings.fullKey("timeout")
            + "' ("
            + inner.get().toMillis()
            + " ms"
            + "), so that a hanging "
            + settings.prefix()
            + " is abandoned by the call timeout and the chain can fall through: lower "
            + RESILIENCE
            + ".call-timeout or raise "
            + settings.fullKey("timeout")
            + ".");
  }

  /**
   * {@code auto} (the default) turns a layer on when the chain has a remote provider: timeouts,
   * retries and a cache protect against slow or failing backends, and the environment and local
   * files are neither, while their first use costs start-up time.
   */
  private static boolean layerOn(AgentConfig config, String layer, boolean remoteChain) {
    String key = layer + "." + ENABLED;
    return config.oneOf(key, AUTO, "true", "false").equals(AUTO) ? remoteChain : config.bool(key);
  }

  private static SecretProvider chain(AgentConfig config, List<SecretProvider> providers) {
    if (providers.size() == 1) {
      return providers.get(0);
    }
    return new ChainSecretProvider(providers, onTransientFailure(config));
  }

  private static OnTransientFailure onTransientFailure(AgentConfig config) {
    return config.oneOf(ON_TRANSIENT_FAILURE, "fail", "fall-through").equals("fail")
        ? OnTransientFailure.FAIL
        : OnTransientFailure.FALL_THROUGH;
  }

  /**
   * The audit of resolutions when {@code audit.enabled=true}, else off: to a JSON-lines file, the
   * agent's log, or both ({@code audit.sink}, {@link AuditSinks}).
   */
  public static ResolutionAudit audit(AgentConfig config) {
    if (!config.bool(AUDIT + "." + ENABLED)) {
      return ResolutionAudit.off();
    }
    return ResolutionAudit.to(AuditSinks.of(config));
  }
}
