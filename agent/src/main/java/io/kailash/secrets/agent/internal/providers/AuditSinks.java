package io.kailash.secrets.agent.internal.providers;

import io.kailash.secrets.agent.internal.config.AgentConfig;
import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.audit.AuditSink;
import io.kailash.secrets.audit.JsonLinesAuditSink;
import io.kailash.secrets.audit.Slf4jAuditSink;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the agent's audit records go, by {@code audit.sink}: {@code file} (the JSON-lines file
 * {@code audit.file}), {@code log} (one INFO line per record through the agent's log, logger
 * {@value Slf4jAuditSink#LOGGER_NAME}), or both ({@code file,log}).
 */
final class AuditSinks {

  static final String FILE = "file";
  static final String LOG = "log";

  private AuditSinks() {}

  static AuditSink of(AgentConfig config) {
    List<AuditSink> sinks = new ArrayList<>();
    for (String kind : kinds(config)) {
      sinks.add(
          kind.equals(FILE)
              ? JsonLinesAuditSink.fromSettings(config.settings("audit"))
              : new Slf4jAuditSink());
    }
    if (sinks.size() == 1) {
      return sinks.get(0);
    }
    return record -> {
      for (AuditSink sink : sinks) {
        sink.record(record); // each sink never throws (AuditSink's contract)
      }
    };
  }

  /** The sinks named by {@code audit.sink}, each once, checked. */
  static List<String> kinds(AgentConfig config) {
    List<String> kinds = new ArrayList<>();
    for (String part : config.string(AgentKeys.AUDIT_SINK).split(",")) {
      String kind = part.trim().toLowerCase(Locale.ROOT);
      if (kind.isEmpty()) {
        continue;
      }
      if (!kind.equals(FILE) && !kind.equals(LOG)) {
        throw new SecretsConfigurationException(
            "Invalid value '"
                + kind
                + "' in '"
                + AgentKeys.AUDIT_SINK
                + "': expected file, log or file,log.");
      }
      if (!kinds.contains(kind)) {
        kinds.add(kind);
      }
    }
    if (kinds.isEmpty()) {
      throw new SecretsConfigurationException(
          "'" + AgentKeys.AUDIT_SINK + "' names no sink; give file, log or file,log.");
    }
    return kinds;
  }
}
