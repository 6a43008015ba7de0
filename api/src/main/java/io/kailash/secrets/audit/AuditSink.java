package io.kailash.secrets.audit;

/** Where audit records go: the {@code io.kailash.secrets.audit} logger, a JSON-lines file, both. */
@FunctionalInterface
public interface AuditSink {

  /** Writes one record. Must be thread safe and must not throw. */
  void record(SecretAccessRecord record);

  /** A sink that drops every record. */
  static AuditSink none() {
    return record -> {};
  }
}
