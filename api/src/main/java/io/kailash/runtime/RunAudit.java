package io.kailash.runtime;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.audit.AuditSink;
import io.kailash.secrets.audit.SecretAccessRecord;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the audit records of one run, one per secret resolution for a node. */
final class RunAudit {

  private static final Logger LOG = LoggerFactory.getLogger(RunAudit.class);

  private final AuditSink sink;
  private final String runId;
  private final Clock clock;

  RunAudit(AuditSink sink, String runId, Clock clock) {
    this.sink = sink;
    this.runId = runId;
    this.clock = clock;
  }

  void record(
      NodeRequirements node,
      SecretRequest request,
      String provider,
      SecretAccessRecord.Outcome outcome,
      SecretAccessRecord.CacheStatus cache) {
    SecretAccessRecord record =
        new SecretAccessRecord(
            clock.instant(),
            runId,
            node.nodeId(),
            node.nodeClass().getName(),
            request.name(),
            request.version(),
            provider,
            outcome,
            cache);
    try {
      sink.record(record);
    } catch (RuntimeException broken) {
      // A sink must not throw; if one does, the run goes on and the fault is visible.
      LOG.warn(
          "Audit sink {} failed to write the record for secret '{}' of node '{}' in run {}",
          sink.getClass().getName(),
          request.name(),
          node.nodeId(),
          runId,
          broken);
    }
  }
}
