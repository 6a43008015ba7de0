package io.kailash.secrets.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One audit record as one line of JSON, e.g. {@code {"time":"2026-01-02T03:04:05.123Z",
 * "runId":"r1","nodeId":"fetch","nodeClass":"com.acme.FetchNode","secretName":"api-token",
 * "version":"","provider":"vault","outcome":"RESOLVED","cache":"HIT"}}.
 *
 * <p>Written field by field rather than by data binding, so the file format is fixed here and no
 * field can appear by accident. Records carry no secret value, so neither does the line.
 */
final class AuditRecordJson {

  private static final JsonFactory JSON = new JsonFactory();

  private AuditRecordJson() {}

  /** The record as UTF-8 JSON followed by a newline. */
  static byte[] line(SecretAccessRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", String.valueOf(record.time()));
      json.writeStringField("runId", record.runId());
      json.writeStringField("nodeId", record.nodeId());
      json.writeStringField("nodeClass", record.nodeClass());
      json.writeStringField("secretName", record.secretName());
      json.writeStringField("version", record.version());
      json.writeStringField("provider", record.provider());
      json.writeStringField("outcome", String.valueOf(record.outcome()));
      json.writeStringField("cache", String.valueOf(record.cache()));
      json.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException("Writing JSON to memory failed", impossible);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
