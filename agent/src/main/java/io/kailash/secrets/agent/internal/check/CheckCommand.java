package io.kailash.secrets.agent.internal.check;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.agent.internal.check.CheckResult.NodeReport;
import io.kailash.secrets.agent.internal.check.CheckResult.ProviderState;
import io.kailash.secrets.agent.internal.check.CheckResult.SecretReport;
import io.kailash.secrets.agent.internal.config.AgentConfigLoader;
import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.agent.internal.logging.AgentLogOutput;
import io.kailash.secrets.agent.internal.logging.AgentLoggerProvider;
import io.kailash.secrets.agent.internal.providers.ProviderChainAssembler;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.internal.ConfiguredRequirements;
import io.kailash.secrets.policy.SecretPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code java -jar kailash-secrets.jar check}: validates the agent's configuration (every error at
 * once), checks each provider, scans the application's class files for {@code @SecretRequirement}
 * and reports, per node class, which provider answers each secret and the secret policy's verdict.
 * Exit code 0 when everything required resolves and is allowed, 1 otherwise, 2 on a usage error.
 *
 * <p>A command, not the agent: the report goes to stdout. It never prints a value, a length or a
 * hash of one.
 */
public final class CheckCommand {

  private CheckCommand() {}

  /** Called reflectively by {@code KailashSecretsCommand} inside the isolated class loader. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CheckArguments arguments;
    try {
      arguments = CheckArguments.parse(Arrays.asList(args));
    } catch (CheckArguments.UsageException e) {
      err.println("kailash-secrets check: " + e.getMessage());
      err.println(CheckArguments.USAGE);
      return 2;
    }
    quietLogging();
    CheckResult result;
    try {
      result = check(arguments);
    } catch (IOException e) {
      err.println("kailash-secrets check: cannot read the application: " + e.getMessage());
      return 1;
    }
    if (arguments.json()) {
      JsonReport.print(result, out);
    } else {
      TextReport.print(result, out);
    }
    return result.exitCode();
  }

  private static CheckResult check(CheckArguments arguments) throws IOException {
    Map<String, String> defaults = new LinkedHashMap<>(AgentKeys.defaults());
    defaults.putAll(ProviderChainAssembler.layerKeys());
    Map<String, String> properties = AgentConfigLoader.systemProperties();
    List<String> extensionProblems = new ArrayList<>();
    Map<String, SecretProviderFactory> factories =
        CheckedExtensions.factories(
            arguments.config(), defaults, properties, System.getenv(), extensionProblems);
    ConfigCheck config =
        ConfigCheck.of(arguments.config(), factories, defaults, properties, System.getenv());
    Map<String, ScannedClass> scanned = ClassPathScanner.scan(arguments.application());
    // Broken extensions first: the configuration's problems may only follow from them.
    List<String> problems = new ArrayList<>(extensionProblems);
    problems.addAll(config.problems());
    List<String> notes = new ArrayList<>();
    if (!arguments.application().isEmpty()) {
      problems.addAll(ConfiguredInScan.clashes(scanned, config.requirements()));
      notes.addAll(ConfiguredInScan.notFound(scanned, config.requirements()));
    }
    List<NodeSecrets> nodes =
        NodeSecrets.of(ConfiguredInScan.merge(scanned, config.requirements()));
    SecretProbe probe = new SecretProbe(config.providers());
    List<NodeReport> reports = new ArrayList<>();
    for (NodeSecrets node : nodes) {
      List<SecretReport> secrets = new ArrayList<>();
      for (NodeSecrets.Inherited inherited : node.secrets()) {
        secrets.add(report(node.nodeClass(), inherited, config.policy(), probe));
      }
      reports.add(new NodeReport(node.nodeClass(), List.copyOf(secrets)));
    }
    List<ProviderState> providers = new ArrayList<>();
    for (Map.Entry<String, String> provider : config.providerTypes().entrySet()) {
      String name = provider.getKey();
      probe.reach(name);
      providers.add(new ProviderState(name, provider.getValue(), probe.failureOf(name)));
    }
    return new CheckResult(
        arguments.config().toString(),
        List.copyOf(problems),
        List.copyOf(providers),
        List.copyOf(reports),
        config.policy().toString(),
        configuredSummary(config.requirements()),
        List.copyOf(notes));
  }

  /** Each configured class with its requirements as written, for the report. */
  private static List<String> configuredSummary(ConfiguredRequirements configured) {
    List<String> lines = new ArrayList<>();
    for (String className : new TreeSet<>(configured.classNames())) {
      List<String> entries = new ArrayList<>();
      for (SecretRequest request : configured.forClass(className)) {
        entries.add(
            request.name()
                + (request.version().isEmpty() ? "" : "@" + request.version())
                + " -> "
                + request.parameter()
                + (request.optional() ? " (optional)" : ""));
      }
      lines.add(className + " = " + String.join(", ", entries));
    }
    return List.copyOf(lines);
  }

  private static SecretReport report(
      String nodeClass, NodeSecrets.Inherited inherited, SecretPolicy policy, SecretProbe probe) {
    ScannedClass.DeclaredSecret secret = inherited.secret();
    List<String> declaringSuperclasses = new ArrayList<>(inherited.declaredBy());
    declaringSuperclasses.remove(nodeClass);
    boolean allowed = policy.permits(nodeClass, declaringSuperclasses, secret.name());
    // Like the agent: a refused pair is decided before any backend is asked.
    SecretProbe.Outcome outcome =
        allowed
            ? probe.probe(secret.name(), secret.version())
            : new SecretProbe.Outcome(SecretProbe.Status.NOT_CHECKED, "", "denied by policy");
    return new SecretReport(
        secret.name(),
        secret.parameter(),
        secret.optional(),
        secret.version(),
        outcome.status(),
        outcome.provider(),
        outcome.detail(),
        allowed);
  }

  /**
   * The api's classes log through SLF4J: bind the agent's own logger, to stderr at WARN, so that
   * stdout holds the report alone.
   */
  private static void quietLogging() {
    System.setProperty("slf4j.provider", AgentLoggerProvider.class.getName());
    System.setProperty("slf4j.internal.verbosity", "WARN");
    try {
      AgentLogOutput.configure("warn", null);
    } catch (IOException cannotHappenForStderr) {
      throw new IllegalStateException(cannotHappenForStderr);
    }
  }
}
