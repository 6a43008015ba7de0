package io.kailash.secrets.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12: every fault against the Vault API double and the AWS path, in three cache states,
 * through the agent's layers (cache over resilience over the provider). Each cell is checked
 * against the documented rule, and the measured table must equal the one committed in
 * docs/reliability.md, so the document cannot drift from the code. After a deliberate change,
 * rewrite it with {@code mvn -B -ntp -pl it-tests -am test -Dtest=FaultMatrixTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dreliability.write=true}.
 */
@Timeout(300)
class FaultMatrixTest {

  static final String VALUE = "m4trix-s3cret-value";

  private static final Set<String> TRANSIENT_REASONS =
      Set.of("UNAVAILABLE", "TIMEOUT", "THROTTLED", "SERVER_ERROR");
  private static final Path DOCUMENT = Path.of("..", "docs", "reliability.md");

  @Test
  void theMeasuredMatrixFollowsTheRulesAndIsTheDocumentedOne() throws Exception {
    MatrixSettings settings = MatrixSettings.fromSystemProperties();
    ReliabilityTable table = new ReliabilityTable();
    try {
      for (String backend : new String[] {"vault", "aws"}) {
        for (MatrixFault fault : MatrixFault.values()) {
          for (CacheState state : CacheState.values()) {
            Outcome outcome = run(backend, fault, state, settings);
            followsTheRule(backend, fault, state, outcome);
            table.add(backend, fault, state, outcome);
          }
        }
      }
    } finally {
      AwsMatrix.close();
    }
    if (Boolean.getBoolean("reliability.write")) {
      table.writeInto(DOCUMENT);
    }
    String committed = ReliabilityTable.section(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
    assertThat(committed)
        .as(
            "docs/reliability.md differs from the measured fault matrix; if the change is"
                + " intended, run mvn -B -ntp -pl it-tests -am test -Dtest=FaultMatrixTest -Dsurefire.failIfNoSpecifiedTests=false -Dreliability.write=true")
        .isEqualTo(table.markdown());
  }

  private static Outcome run(
      String backend, MatrixFault fault, CacheState state, MatrixSettings settings) {
    try {
      return backend.equals("vault")
          ? VaultMatrix.run(fault, state, settings)
          : AwsMatrix.run(fault, state, settings);
    } catch (RuntimeException setupFailed) {
      throw new AssertionError(
          "setting up " + backend + " / " + fault.label + " / " + state.label + " failed",
          setupFailed);
    }
  }

  private static void followsTheRule(
      String backend, MatrixFault fault, CacheState state, Outcome outcome) {
    String cell = backend + " / " + fault.label + " / " + state.label + ": " + outcome;
    assertThat(outcome.answer()).as(cell).doesNotContain(VALUE);
    assertThat(outcome.attempts()).as(cell).isBetween(0, 3); // resilience.retry.max-attempts
    if (fault.transientFailure) {
      if (state == CacheState.STALE_WINDOW) {
        assertThat(outcome.answer()).as(cell).isEqualTo("stale value");
        assertThat(outcome.stale()).as(cell).isTrue();
      } else {
        assertThat(outcome.answer()).as(cell).startsWith("SecretBackendException");
        assertThat(outcome.answer().substring("SecretBackendException ".length()))
            .as(cell)
            .isIn(TRANSIENT_REASONS);
      }
      assertThat(outcome.attempts()).as(cell).isPositive();
    } else if (fault == MatrixFault.TOKEN_EXPIRED && backend.equals("vault")) {
      assertThat(outcome.answer()).as(cell).isEqualTo("value"); // one re-login, then the read
    } else {
      assertThat(outcome.stale()).as(cell).isFalse(); // fail closed: never stale
      assertThat(outcome.answer()).as(cell).startsWith("SecretBackendException");
      assertThat(outcome.answer().substring("SecretBackendException ".length()))
          .as(cell)
          .isNotIn(TRANSIENT_REASONS);
      assertThat(outcome.attempts()).as(cell).isEqualTo(1); // never retried
    }
  }
}
