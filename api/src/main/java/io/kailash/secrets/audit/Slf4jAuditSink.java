package io.kailash.secrets.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each {@link SecretAccessRecord} as one INFO line of {@code key=value} pairs to the SLF4J
 * logger named {@value #LOGGER_NAME}, so that audit lines can be routed and kept apart from other
 * logs. The record names secrets, never their values.
 *
 * <pre>
 * secret-access time=2025-01-01T10:00:00Z run_id=3f2c... node_id=issue node_class=com.acme.TokenNode
 *     secret=jwt-signing-key version="" provider=env outcome=RESOLVED cache=NONE
 * </pre>
 *
 * <p>Values with spaces, quotes, {@code =} or control characters are double-quoted with {@code \}
 * escapes; empty values are written as {@code ""}.
 */
public final class Slf4jAuditSink implements AuditSink {

  /** The name of the audit logger. */
  public static final String LOGGER_NAME = "io.kailash.secrets.audit";

  private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER_NAME);

  @Override
  public void record(SecretAccessRecord record) {
    if (AUDIT.isInfoEnabled()) {
      AUDIT.info(format(record));
    }
  }

  /** The line written for {@code record}. */
  public static String format(SecretAccessRecord record) {
    StringBuilder line = new StringBuilder("secret-access");
    append(line, "time", String.valueOf(record.time()));
    append(line, "run_id", record.runId());
    append(line, "node_id", record.nodeId());
    append(line, "node_class", record.nodeClass());
    append(line, "secret", record.secretName());
    append(line, "version", record.version());
    append(line, "provider", record.provider());
    append(line, "outcome", String.valueOf(record.outcome()));
    append(line, "cache", String.valueOf(record.cache()));
    return line.toString();
  }

  private static void append(StringBuilder line, String key, String value) {
    line.append(' ').append(key).append('=');
    String text = value == null ? "" : value;
    if (!text.isEmpty() && text.chars().noneMatch(Slf4jAuditSink::needsQuotes)) {
      line.append(text);
      return;
    }
    line.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        line.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        line.append(String.format("\\u%04x", (int) c));
      } else {
        line.append(c);
      }
    }
    line.append('"');
  }

  private static boolean needsQuotes(int c) {
    return Character.isWhitespace(c)
        || Character.isISOControl(c)
        || c == '"'
        || c == '='
        || c == '\\';
  }
}
