package io.kailash.secrets.agent.internal;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.agent.internal.config.AgentConfig;
import io.kailash.secrets.agent.internal.config.AgentConfigLoader;
import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.agent.internal.config.KeyCatalog;
import io.kailash.secrets.agent.internal.config.PolicySettings;
import io.kailash.secrets.agent.internal.config.RequirementSettings;
import io.kailash.secrets.agent.internal.extensions.ProviderExtensions;
import io.kailash.secrets.agent.internal.logging.AgentLog;
import io.kailash.secrets.agent.internal.logging.AgentLogOutput;
import io.kailash.secrets.agent.internal.logging.AgentLoggerProvider;
import io.kailash.secrets.agent.internal.providers.MBeanPublisher;
import io.kailash.secrets.agent.internal.providers.ProviderChainAssembler;
import io.kailash.secrets.agent.internal.resolve.InternalFaults;
import io.kailash.secrets.agent.internal.resolve.PolicyGate;
import io.kailash.secrets.agent.internal.resolve.ResolutionAudit;
import io.kailash.secrets.agent.internal.resolve.SecretResolver;
import io.kailash.secrets.agent.internal.transform.Retransformer;
import io.kailash.secrets.agent.internal.transform.SecretsTransformer;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.internal.ConfiguredRequirements;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * Starts the agent inside its isolated class loader: reads and checks the configuration, sets up
 * the agent's own logging, builds the providers (which connect lazily), fills in the bridge, and
 * registers the one transformer. A configuration error stops the JVM with one line on stderr (exit
 * code 1), unless {@code on-config-error=warn} or the agent was attached to a running JVM, where it
 * only disables the agent.
 */
public final class AgentStarter {

  private AgentStarter() {}

  /**
   * Called reflectively by {@code KailashSecretsAgent}; see there for the parameters' origin.
   *
   * @return whether the agent started; {@code false} (disabled, or a failure with {@code
   *     on-config-error=warn} or after attach) leaves nothing behind, so a later start may succeed
   */
  public static boolean start(
      String agentArgs,
      Instrumentation instrumentation,
      boolean attached,
      Path agentJar,
      Class<?> bridge,
      BiPredicate<Function<Object, Object>, Function<Throwable, Object>> installBridge) {
    Map<String, SecretProviderFactory> factories = SecretProviderFactories.available();
    Map<String, String> keys = new LinkedHashMap<>(AgentKeys.defaults());
    keys.putAll(ProviderChainAssembler.layerKeys());
    AgentConfigLoader loader = configLoader(keys, factories);
    try {
      return startChecked(
          loader, keys, factories, agentArgs, instrumentation, agentJar, bridge, installBridge);
    } catch (SecretsConfigurationException | IllegalArgumentException e) {
      // Builders reject out-of-range values (a cache size of 0) with IllegalArgumentException.
      configurationError(e.getMessage(), loader.warnOnConfigError(), attached);
    } catch (Throwable e) {
      // Anything else (an overflow, an OutOfMemoryError, a bug) must not leave the JVM running
      // with the agent silently off: it follows on-config-error like a configuration error.
      configurationError(
          "the agent could not start (" + e.getClass().getName() + ")",
          loader.warnOnConfigError(),
          attached);
    }
    return false;
  }

  private static boolean startChecked(
      AgentConfigLoader loader,
      Map<String, String> keys,
      Map<String, SecretProviderFactory> factories,
      String agentArgs,
      Instrumentation instrumentation,
      Path agentJar,
      Class<?> bridge,
      BiPredicate<Function<Object, Object>, Function<Throwable, Object>> installBridge) {
    List<String> problems = new ArrayList<>();
    AgentConfig config = loader.loadReportingAll(agentArgs, agentJar.getParent(), problems);
    String extensions = config.enabled() ? config.string(AgentKeys.EXTENSIONS) : "";
    if (!extensions.isEmpty()) {
      // The extensions' provider types and keys are known only now: read the configuration again
      // with them. Without the key, the first reading is the only one (no cost at start).
      ProviderExtensions.Found found =
          ProviderExtensions.load(
              extensions, factories, keys.keySet(), AgentStarter.class.getClassLoader());
      if (!found.problems().isEmpty()) {
        found.discard();
        throw new SecretsConfigurationException(found.problems().get(0));
      }
      factories = found.factories();
      loader = configLoader(keys, factories);
      config = loader.load(agentArgs, agentJar.getParent());
    } else if (!problems.isEmpty()) {
      throw new SecretsConfigurationException(problems.get(0)); // what load() would have thrown
    }
    if (!config.enabled()) {
      return false; // the kill switch: no transformer, no bridge, nothing
    }
    AgentSettings settings = AgentSettings.of(config);
    configureLogging(settings, ProviderChainAssembler.logsThroughSlf4j(config));
    for (String warning : loader.warnings()) {
      AgentLog.of(AgentStarter.class).warn("{}", warning);
    }
    MBeanPublisher mbeans = new MBeanPublisher();
    SecretProvider provider = ProviderChainAssembler.assemble(config, factories, mbeans);
    ResolutionAudit audit = ProviderChainAssembler.audit(config);
    PolicyGate policy = new PolicyGate(PolicySettings.read(config));
    ConfiguredRequirements requirements = RequirementSettings.read(config);
    TransformStats stats = new TransformStats();
    SecretsTransformer transformer =
        new SecretsTransformer(
            settings.baseType(),
            settings.method(),
            bridge,
            stats,
            RequirementSettings.classNames(requirements));
    SecretResolver resolver =
        new SecretResolver(
            provider,
            audit,
            stats,
            ProviderChainAssembler.isCached(config),
            policy,
            transformer.declarations(),
            requirements);
    // Everything that can fail on a bad configuration has run; from here on the agent is on.
    if (!installBridge.test(
        new BridgeEndpoint(resolver, transformer),
        new InternalFaults(settings.proceedOnInternalError(), stats))) {
      throw new SecretsConfigurationException(
          "the agent's bridge was already filled in by another start or by application code");
    }
    instrumentation.addTransformer(transformer, true);
    try {
      afterStart(instrumentation, transformer, config, settings, provider, policy, stats, mbeans);
    } catch (RuntimeException | LinkageError e) {
      // The agent is on and guards every node: a failure in the extras below does not undo that.
      AgentLog.of(AgentStarter.class).error("A step after the agent's start failed.", e);
    }
    return true;
  }

  private static void afterStart(
      Instrumentation instrumentation,
      SecretsTransformer transformer,
      AgentConfig config,
      AgentSettings settings,
      SecretProvider provider,
      PolicyGate policy,
      TransformStats stats,
      MBeanPublisher mbeans) {
    AgentLog log = AgentLog.of(AgentStarter.class);
    if (settings.statsFile().isPresent()) {
      stats.writeAtExit(settings.statsFile().get());
    }
    if (settings.show()) {
      log.info(config.describe());
    }
    log.info(
        "Agent started: providers {}, instrumenting {}.{}(Map) and its subclasses.",
        provider.providerNames(),
        settings.baseType(),
        settings.method());
    if (policy.isEnforced()) {
      log.info("Enforcing the {}.", policy);
    } else {
      log.info(
          "No secret policy is enforced (policy.file is not set, policy.default=allow): every node"
              + " class may receive every secret it declares. See docs/security.md.");
    }
    if (settings.jmx() && mbeans.hasMBeans()) {
      mbeans.publishLater();
    }
    // Also at premain: another agent listed first may have loaded node classes already.
    new Retransformer(instrumentation, transformer).retransformLoadedClasses();
  }

  /**
   * @param slf4j whether the api classes the configuration builds log through the agent's isolated
   *     SLF4J; the agent's own lines never do ({@link AgentLog}), so with the environment alone
   *     SLF4J is never initialised and costs no start-up time
   */
  private static void configureLogging(AgentSettings settings, boolean slf4j) {
    try {
      AgentLogOutput.configure(settings.logLevel(), settings.logFile().orElse(null));
    } catch (IOException e) {
      throw new SecretsConfigurationException(
          "The log file " + settings.logFile().orElse(null) + " cannot be opened for writing.");
    }
    if (!slf4j) {
      return;
    }
    // why: SLF4J 2 first honours the JVM-wide -Dslf4j.provider, which names the application's
    // binding; our isolated copy cannot load that class and would print an error before falling
    // back to its service file. Name our own binding instead while our SLF4J initialises (premain
    // runs before any application thread): that also spares the service-file lookup.
    // SLF4J reports the explicit binding at INFO on stderr unless told to be quieter.
    String applicationBinding =
        System.setProperty("slf4j.provider", AgentLoggerProvider.class.getName());
    String applicationVerbosity = System.setProperty("slf4j.internal.verbosity", "WARN");
    try {
      LoggerFactory.getILoggerFactory();
    } finally {
      restore("slf4j.provider", applicationBinding);
      restore("slf4j.internal.verbosity", applicationVerbosity);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  private static void configurationError(String message, boolean warn, boolean attached) {
    StringBuilder line =
        new StringBuilder("kailash-secrets: configuration error: ").append(message);
    if (!message.endsWith(".")) {
      line.append('.');
    }
    if (warn || attached) {
      line.append(" The agent is disabled and nodes run without injected secrets (")
          .append(warn ? "on-config-error=warn" : "an attached agent never stops the JVM")
          .append(").");
      System.err.println(line);
      return;
    }
    line.append(" The JVM stops (set on-config-error=warn to run without the agent instead).");
    System.err.println(line);
    System.exit(1);
  }

  private static AgentConfigLoader configLoader(
      Map<String, String> keys, Map<String, SecretProviderFactory> factories) {
    return new AgentConfigLoader(
        new KeyCatalog(keys, factories), AgentConfigLoader.systemProperties(), System.getenv());
  }
}
