package io.kailash.runtime;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.audit.AuditSink;
import io.kailash.secrets.audit.Slf4jAuditSink;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.internal.ConfiguredRequirements;
import io.kailash.secrets.internal.RequirementSource;
import io.kailash.secrets.policy.PolicyDefault;
import io.kailash.secrets.policy.PolicyFile;
import io.kailash.secrets.policy.SecretPolicy;
import io.kailash.workflow.Workflow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * Runs workflows in this JVM: nodes in dependency order, each on a worker thread, with the outputs
 * of earlier nodes as inputs of later ones.
 *
 * <p>With a {@link SecretProvider}, each node receives the secrets its class declares with {@link
 * io.kailash.secrets.SecretRequirement}, and nothing else:
 *
 * <ul>
 *   <li>Before the first node runs, the secrets of all nodes are fetched with one {@link
 *       SecretProvider#getSecretValues} call (two nodes needing the same secret cost one fetch). If
 *       the backend cannot answer, the run fails then, naming the secret, even if only an optional
 *       secret was affected. An absent required secret fails only the node that needs it, at its
 *       turn: earlier nodes still run.
 *   <li>The node gets a copy of its parameters with the secrets added and {@code {param}}
 *       placeholders filled (see {@link io.kailash.secrets.injection.ParameterInjector}); the
 *       caller's maps, the {@link Workflow} and the results hold no secret put there by the
 *       runtime.
 *   <li>Outputs are what the node returned, except that an injected secret occurring in an output
 *       string is masked: secrets do not travel from node to node.
 *   <li>Each resolution writes one audit record, to the {@code io.kailash.secrets.audit} logger
 *       unless configured otherwise.
 *   <li>With a {@link Builder#policy(Path) secret policy}, a node class the policy does not allow
 *       to receive one of its secrets fails the run before any node runs and before any backend is
 *       asked, with a {@link io.kailash.secrets.SecretBackendException} of reason {@code
 *       POLICY_DENIED} as the cause (docs/security.md).
 * </ul>
 *
 * <p>Node classes that cannot be annotated get their requirements from {@link
 * Builder#requirements(String, String)}, with the same rules.
 *
 * <p>Without a provider the runtime injects nothing, and the kailash-secrets agent, if attached,
 * injects at {@code Node.run} instead.
 */
public final class LocalRuntime {

  private static final AtomicBoolean NO_POLICY_LOGGED = new AtomicBoolean();

  private final RuntimeSettings settings;

  /** A runtime without a secret provider: the agent, if attached, injects secrets. */
  public LocalRuntime() {
    this(builder());
  }

  /** A runtime that injects secrets from {@code provider}, with audit logging on. */
  public LocalRuntime(SecretProvider provider) {
    this(builder().secretProvider(Objects.requireNonNull(provider, "provider")));
  }

  private LocalRuntime(Builder builder) {
    this.settings =
        new RuntimeSettings(
            builder.provider,
            builder.auditSink,
            builder.maxExecutionTime,
            builder.clock,
            builder.policy,
            RequirementSource.with(
                ConfiguredRequirements.of(builder.requirements, LocalRuntime::where)));
    if (builder.provider == null && !builder.requirements.isEmpty()) {
      throw new SecretsConfigurationException(
          "LocalRuntime.builder().requirements(...) needs a secretProvider(...): without one the"
              + " kailash-secrets agent injects, and it reads its own requirements.<class> keys."
              + " Set a provider, or move the requirements to the agent's configuration.");
    }
    if (builder.provider != null
        && !builder.policy.isEnforced()
        && NO_POLICY_LOGGED.compareAndSet(false, true)) {
      LoggerFactory.getLogger(LocalRuntime.class)
          .info(
              "No secret policy is enforced: every node class may receive every secret it"
                  + " declares. Set LocalRuntime.builder().policy(path) to restrict them (see"
                  + " docs/security.md).");
    }
  }

  private static String where(String className) {
    return "LocalRuntime.builder().requirements(\"" + className + "\", ...)";
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code workflow} with the parameters given when its nodes were added.
   *
   * @throws WorkflowExecutionException naming the run and the node that failed
   */
  public ExecutionResult execute(Workflow workflow) {
    return execute(workflow, Map.of());
  }

  /**
   * Runs {@code workflow}; {@code runParameters} (node id to parameters) override the parameters
   * given when the nodes were added. The maps are not modified.
   *
   * @throws IllegalArgumentException if {@code runParameters} names a node the workflow lacks
   * @throws WorkflowExecutionException naming the run and the node that failed
   */
  public ExecutionResult execute(
      Workflow workflow, Map<String, Map<String, Object>> runParameters) {
    for (String nodeId : runParameters.keySet()) {
      workflow.node(nodeId); // fails early, naming the unknown node
    }
    return new WorkflowRun(workflow, runParameters, settings).execute();
  }

  /** Configures a {@link LocalRuntime}; every setting is optional. */
  public static final class Builder {
    private SecretProvider provider;
    private AuditSink auditSink = new Slf4jAuditSink();
    private Duration maxExecutionTime;
    private Clock clock = Clock.systemUTC();
    private SecretPolicy policy = SecretPolicy.none();
    private final Map<String, List<SecretRequest>> requirements = new LinkedHashMap<>();

    private Builder() {}

    /** The provider of the nodes' secrets; none (the default) leaves injection to the agent. */
    public Builder secretProvider(SecretProvider secretProvider) {
      this.provider = secretProvider;
      return this;
    }

    /** On (the default): records go to the {@code io.kailash.secrets.audit} logger. */
    public Builder auditLogging(boolean enabled) {
      this.auditSink = enabled ? new Slf4jAuditSink() : AuditSink.none();
      return this;
    }

    /** Sends audit records to {@code sink} instead of the audit logger. */
    public Builder auditSink(AuditSink sink) {
      this.auditSink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * The longest a node may run; a node still running then is interrupted and fails the run.
     * {@code null} (the default) means no limit.
     */
    public Builder maxExecutionTime(Duration limit) {
      if (limit != null && (limit.isNegative() || limit.isZero())) {
        throw new IllegalArgumentException("maxExecutionTime must be positive, was " + limit);
      }
      this.maxExecutionTime = limit;
      return this;
    }

    /**
     * Reads the secret policy {@code file} (docs/security.md): a secret a rule names goes only to
     * the node classes the rule lists; secrets no rule names are allowed. Nothing is denied without
     * a policy (the default).
     *
     * @throws SecretsConfigurationException if the file is missing, unreadable, not UTF-8 or has a
     *     malformed line (the message names the line)
     */
    public Builder policy(Path file) {
      return policy(file, PolicyDefault.ALLOW);
    }

    /**
     * As {@link #policy(Path)}, with {@code unmatched} deciding secrets no rule names: {@link
     * PolicyDefault#DENY} resolves only the pairs a rule allows.
     *
     * @throws SecretsConfigurationException if the policy file cannot be read or is malformed
     */
    public Builder policy(Path file, PolicyDefault unmatched) {
      this.policy =
          PolicyFile.read(
              Objects.requireNonNull(file, "file"), Objects.requireNonNull(unmatched, "unmatched"));
      return this;
    }

    /**
     * Declares the secrets a node class needs when it cannot carry {@code @SecretRequirement} (a
     * third-party class), in the agent's {@code requirements.<class>} syntax, e.g. {@code
     * "jwt-signing-key -> secret_key, api-token@v2 -> api_token (optional)"}. The rules are the
     * annotation's: subclasses inherit them, a missing required secret stops the node before its
     * body runs, and a parameter is declared once, by configuration or by an annotation of the
     * class or its superclasses (a clash fails the run naming both). Needs a {@link
     * #secretProvider}.
     *
     * @param className the binary name, e.g. {@code com.acme.ThirdPartyNode} or {@code
     *     com.acme.Outer$Node}
     * @throws SecretsConfigurationException for an invalid class name, entry, secret name or
     *     parameter, a parameter declared twice, or a class declared twice
     */
    public Builder requirements(String className, String declarations) {
      Objects.requireNonNull(className, "className");
      Objects.requireNonNull(declarations, "declarations");
      return requirements(
          className,
          ConfiguredRequirements.parse(Map.of(className, declarations), LocalRuntime::where)
              .forClass(className));
    }

    /**
     * As {@link #requirements(String, String)}, with the requirements as values.
     *
     * @throws SecretsConfigurationException as there
     */
    public Builder requirements(String className, List<SecretRequest> requests) {
      Objects.requireNonNull(className, "className");
      ConfiguredRequirements.of(Map.of(className, List.copyOf(requests)), LocalRuntime::where);
      if (requirements.putIfAbsent(className, List.copyOf(requests)) != null) {
        throw new SecretsConfigurationException(
            "Secret requirements for "
                + className
                + " are declared twice; give all of a class's requirements in one call.");
      }
      return this;
    }

    /** The clock that stamps audit records; for tests. */
    public Builder clock(Clock auditClock) {
      this.clock = Objects.requireNonNull(auditClock, "clock");
      return this;
    }

    public LocalRuntime build() {
      return new LocalRuntime(this);
    }
  }
}
