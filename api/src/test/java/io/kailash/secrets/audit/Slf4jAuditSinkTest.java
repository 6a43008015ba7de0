package io.kailash.secrets.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretRef;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.secrets.audit.SecretAccessRecord.Outcome;
import io.kailash.testing.StderrCapture;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Slf4jAuditSinkTest {

  private static final SecretAccessRecord RECORD =
      new SecretAccessRecord(
          Instant.parse("2025-03-01T12:00:00Z"),
          "run-1",
          "sign token",
          "com.acme.TokenNode",
          "jwt-signing-key",
          "",
          "vault",
          Outcome.RESOLVED,
          CacheStatus.MISS);

  @Test
  void formatsOneLineOfKeyValuePairsQuotingWhereNeeded() {
    assertThat(Slf4jAuditSink.format(RECORD))
        .isEqualTo(
            "secret-access time=2025-03-01T12:00:00Z run_id=run-1 node_id=\"sign token\""
                + " node_class=com.acme.TokenNode secret=jwt-signing-key version=\"\""
                + " provider=vault outcome=RESOLVED cache=MISS");
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    SecretAccessRecord odd =
        new SecretAccessRecord(
            RECORD.time(),
            "r",
            "a\"b\\c\nd=e",
            "C",
            "s",
            "1",
            null,
            Outcome.FAILED,
            CacheStatus.NONE);

    assertThat(Slf4jAuditSink.format(odd))
        .contains("node_id=\"a\\\"b\\\\c\\u000ad=e\"")
        .contains("provider=\"\"")
        .doesNotContain("\n");
  }

  @Test
  void writesToTheAuditLoggerAtInfo() {
    String logs;
    try (StderrCapture capture = new StderrCapture()) {
      new Slf4jAuditSink().record(RECORD);
      logs = capture.text();
    }

    assertThat(logs)
        .contains("INFO io.kailash.secrets.audit - secret-access time=2025-03-01T12:00:00Z");
    assertThat(Slf4jAuditSink.LOGGER_NAME).isEqualTo("io.kailash.secrets.audit");
  }

  @Test
  void resolutionTracesNestAndReportOnlyWhileOpen() {
    SecretRef ref = SecretRef.current("a");
    ResolutionTrace.servedBy(ref, "ignored: no trace open");

    try (ResolutionTrace outer = ResolutionTrace.open()) {
      try (ResolutionTrace inner = ResolutionTrace.open()) {
        ResolutionTrace.servedBy(ref, "vault");
        ResolutionTrace.servedBy(ref, "chain");
        ResolutionTrace.cacheStatus(ref, CacheStatus.HIT);
        assertThat(inner.providerOf(ref)).isEqualTo("vault");
        assertThat(inner.cacheStatusOf(ref)).isEqualTo(CacheStatus.HIT);
      }
      ResolutionTrace.servedBy(ref, "env");
      assertThat(outer.providerOf(ref)).isEqualTo("env");
      assertThat(outer.cacheStatusOf(SecretRef.current("other"))).isEqualTo(CacheStatus.NONE);
    }
  }

  @Test
  void anAliasCopiesWhatWasReportedForTheInnerName() {
    SecretRef inner = SecretRef.current("acme/db");
    SecretRef outer = SecretRef.current("db");

    try (ResolutionTrace trace = ResolutionTrace.open()) {
      ResolutionTrace.servedBy(inner, "vault");
      ResolutionTrace.cacheStatus(inner, CacheStatus.STALE);
      ResolutionTrace.alias(inner, outer);
      ResolutionTrace.alias(SecretRef.current("unreported"), SecretRef.current("x"));

      assertThat(trace.providerOf(outer)).isEqualTo("vault");
      assertThat(trace.cacheStatusOf(outer)).isEqualTo(CacheStatus.STALE);
      assertThat(trace.providerOf(SecretRef.current("x"))).isEmpty();
    }
  }
}
