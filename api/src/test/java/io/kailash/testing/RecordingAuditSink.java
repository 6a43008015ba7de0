package io.kailash.testing;

import io.kailash.secrets.audit.AuditSink;
import io.kailash.secrets.audit.SecretAccessRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every audit record, for assertions. */
public final class RecordingAuditSink implements AuditSink {

  private final List<SecretAccessRecord> records = new CopyOnWriteArrayList<>();

  @Override
  public void record(SecretAccessRecord record) {
    records.add(record);
  }

  public List<SecretAccessRecord> records() {
    return List.copyOf(records);
  }
}
