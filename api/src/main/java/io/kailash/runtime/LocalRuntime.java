package io.kailash.runtime;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.audit.AuditSink;
import io.kailash.secrets.audit.Slf4jAuditSink;
import io.kailash.workflow.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

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
 * </ul>
 *
 * <p>Without a provider the runtime injects nothing, and the kailash-secrets agent, if attached,
 * injects at {@code Node.run} instead.
 */
public final class LocalRuntime {

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
            builder.provider, builder.auditSink, builder.maxExecutionTime, builder.clock);
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
