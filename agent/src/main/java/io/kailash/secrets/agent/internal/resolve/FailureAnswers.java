package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.util.List;

/**
 * Turns the agent's (isolated) exceptions into the JDK-only failure answers that {@code
 * io.kailash.secrets.injection.AgentHandoff} turns back into the application's own exceptions. The
 * format is AgentHandoff's; nothing here carries a value.
 */
final class FailureAnswers {

  static final String AGENT = "kailash-secrets-agent";

  private FailureAnswers() {}

  /** {@code {"not-found", detail, providers tried, name1, version1, ...}}. */
  static String[] notFound(SecretNotFoundException e) {
    List<SecretRef> missing = e.missing();
    String[] answer = new String[3 + 2 * missing.size()];
    answer[0] = "not-found";
    answer[1] = e.detail();
    answer[2] = String.join(",", e.providersTried());
    int i = 3;
    for (SecretRef ref : missing) {
      answer[i++] = ref.name();
      answer[i++] = ref.version();
    }
    return answer;
  }

  /** {@code {"backend", provider, secret name or "", reason, message}}. */
  static String[] backend(SecretBackendException e) {
    return new String[] {
      "backend",
      e.provider(),
      e.secretName() == null ? "" : e.secretName(),
      e.reason().name(),
      e.detail() // AgentHandoff frames it as "Provider ... failed ..." again
    };
  }

  /** A fault inside the agent, answered as a backend failure with reason INTERNAL. */
  static String[] internal(Throwable fault) {
    return new String[] {
      "backend",
      AGENT,
      "",
      SecretBackendException.Reason.INTERNAL.name(),
      "an internal error in the kailash-secrets agent stopped secret resolution ("
          + fault.getClass().getName()
          + "; see the agent's log). Set on-internal-error=proceed to run nodes without secrets"
          + " instead."
    };
  }
}
