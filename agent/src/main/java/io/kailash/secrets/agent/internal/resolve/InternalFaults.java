package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.agent.internal.logging.AgentLog;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.injection.AgentProtocol;
import java.util.function.Function;

/**
 * The bridge's fault handler: logs a throwable that escaped secret resolution (its type and
 * message; agent code never puts values into messages) and answers per {@code on-internal-error}:
 * fail closed with a backend failure, or proceed without secrets.
 */
public final class InternalFaults implements Function<Throwable, Object> {

  private static final AgentLog LOG = AgentLog.of(InternalFaults.class);

  private final boolean proceed;
  private final TransformStats stats;

  public InternalFaults(boolean proceed, TransformStats stats) {
    this.proceed = proceed;
    this.stats = stats;
  }

  @Override
  public Object apply(Throwable fault) {
    stats.internalFault();
    LOG.error(
        "Internal error while resolving secrets; the node {}.",
        proceed
            ? "runs without them (on-internal-error=proceed)"
            : "fails (on-internal-error=fail)",
        fault);
    return proceed ? AgentProtocol.proceed() : internal(fault);
  }

  /** A fault inside the agent, answered as a backend failure with reason INTERNAL. */
  static Object internal(Throwable fault) {
    return AgentProtocol.backend(
        AgentProtocol.AGENT,
        null,
        SecretBackendException.Reason.INTERNAL,
        "an internal error in the kailash-secrets agent stopped secret resolution ("
            + fault.getClass().getName()
            + "; see the agent's log). Set on-internal-error=proceed to run nodes without secrets"
            + " instead.");
  }
}
