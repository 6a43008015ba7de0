package io.kailash.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.runtime.LocalRuntime;
import io.kailash.runtime.WorkflowExecutionException;
import io.kailash.secrets.internal.AbsenceNotes;
import io.kailash.testing.TestNodes.KeyNode;
import io.kailash.workflow.WorkflowBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A missing secret's exception names what to set, also when it was read in a batch (the agent's and
 * the runtime's path), where each absent secret's reason used to be dropped.
 */
class MissingSecretDetailTest {

  private final EnvironmentSecretProvider env =
      new EnvironmentSecretProvider("KAILASH_SECRET_", Map.of("KAILASH_SECRET_OTHER", "x"));

  @Test
  void aRequirementsLookupNamesTheVariableOfEachMissingSecret() {
    List<SecretRequest> requests =
        List.of(
            SecretRequest.required("jwt-signing-key", "secret_key"),
            SecretRequest.required("acme/db-password", "db"));

    assertThatThrownBy(() -> env.getSecrets(requests))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.detail())
                  .isEqualTo(
                      "env: environment variable KAILASH_SECRET_JWT_SIGNING_KEY is not set; env:"
                          + " environment variable KAILASH_SECRET_ACME___DB_PASSWORD is not set");
              assertThat(e.getMessage()).contains("KAILASH_SECRET_JWT_SIGNING_KEY");
            });
  }

  @Test
  void aChainNamesTheVariableToo() {
    ChainSecretProvider chain = new ChainSecretProvider(List.of(env));

    assertThatThrownBy(
            () ->
                chain.getSecrets(List.of(SecretRequest.required("jwt-signing-key", "secret_key"))))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> assertThat(e.detail()).contains("KAILASH_SECRET_JWT_SIGNING_KEY is not set"));
  }

  @Test
  void theRuntimesFailureNamesTheVariable() {
    LocalRuntime runtime = LocalRuntime.builder().secretProvider(env).auditLogging(false).build();

    assertThatThrownBy(
            () -> runtime.execute(new WorkflowBuilder().addNode(KeyNode.class, "k", null).build()))
        .isInstanceOf(WorkflowExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> assertThat(e.detail()).contains("KAILASH_SECRET_JWT_SIGNING_KEY is not set"));
  }

  @Test
  void aFoundSecretLeavesNoNoteBehind() {
    assertThat(env.getSecrets(List.of(SecretRequest.required("other", "o"))))
        .containsEntry("o", "x");
    assertThat(AbsenceNotes.take(List.of(SecretRef.current("other")))).isEmpty();
  }
}
