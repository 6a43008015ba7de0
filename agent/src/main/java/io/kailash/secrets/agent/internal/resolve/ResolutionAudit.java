package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.audit.AuditSink;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.secrets.audit.SecretAccessRecord;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.secrets.audit.SecretAccessRecord.Outcome;
import io.kailash.secrets.policy.SecretPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes one {@link SecretAccessRecord} per requirement of each resolution when audit is on (never
 * a value). With audit off, {@link #open} returns a shared no-op scope, so the warm path allocates
 * nothing for it.
 */
public final class ResolutionAudit {

  private static final Scope NONE = new Scope(null, null, null, null, "");

  private final AuditSink sink;

  private ResolutionAudit(AuditSink sink) {
    this.sink = sink;
  }

  public static ResolutionAudit off() {
    return new ResolutionAudit(null);
  }

  public static ResolutionAudit to(AuditSink sink) {
    return new ResolutionAudit(sink);
  }

  /** Whether resolutions write audit records. */
  boolean isOn() {
    return sink != null;
  }

  /** One record per requirement the secret policy refused; no backend was asked. */
  void denied(Class<?> nodeClass, List<SecretRequest> refused) {
    if (sink != null) {
      for (SecretRequest request : refused) {
        sink.record(
            record(
                nodeClass,
                request.ref(),
                SecretPolicy.PROVIDER,
                Outcome.DENIED_BY_POLICY,
                CacheStatus.NONE));
      }
    }
  }

  /** A record of this moment, in the current run and node (RunContext), never with a value. */
  private static SecretAccessRecord record(
      Class<?> nodeClass, SecretRef ref, String provider, Outcome outcome, CacheStatus cache) {
    return new SecretAccessRecord(
        Instant.now(),
        RunContext.runId(),
        RunContext.nodeId(),
        nodeClass.getName(),
        ref.name(),
        ref.version(),
        provider,
        outcome,
        cache);
  }

  /**
   * @param providerName the name of the provider asked: a resolved secret's record names it when no
   *     chain or cache inside reported which of its providers answered (a single provider)
   */
  Scope open(Class<?> nodeClass, ResolutionPlan plan, String providerName) {
    return sink == null
        ? NONE
        : new Scope(sink, nodeClass, plan, ResolutionTrace.open(), providerName);
  }

  /** One resolution: reports what happened, then closes the trace. */
  static final class Scope implements AutoCloseable {
    private final AuditSink sink;
    private final Class<?> nodeClass;
    private final ResolutionPlan plan;
    private final ResolutionTrace trace;
    private final String providerName;

    private Scope(
        AuditSink sink,
        Class<?> nodeClass,
        ResolutionPlan plan,
        ResolutionTrace trace,
        String providerName) {
      this.sink = sink;
      this.nodeClass = nodeClass;
      this.plan = plan;
      this.trace = trace;
      this.providerName = providerName;
    }

    void resolved(Map<String, String> values) {
      if (sink != null) {
        for (SecretRequest request : plan.requests()) {
          write(
              request,
              values.containsKey(request.parameter()) ? Outcome.RESOLVED : Outcome.ABSENT_OPTIONAL);
        }
      }
    }

    void notFound(SecretNotFoundException e) {
      if (sink != null) {
        for (SecretRequest request : plan.requests()) {
          if (e.missing().contains(request.ref())) {
            write(request, Outcome.NOT_FOUND);
          }
        }
      }
    }

    void failed() {
      if (sink != null) {
        plan.requests().forEach(request -> write(request, Outcome.FAILED));
      }
    }

    private void write(SecretRequest request, Outcome outcome) {
      SecretRef ref = request.ref();
      String provider = trace.providerOf(ref);
      if (provider.isEmpty() && outcome == Outcome.RESOLVED) {
        provider = providerName;
      }
      sink.record(record(nodeClass, ref, provider, outcome, trace.cacheStatusOf(ref)));
    }

    @Override
    public void close() {
      if (trace != null) {
        trace.close();
      }
    }
  }
}
