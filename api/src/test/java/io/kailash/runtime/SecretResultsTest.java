package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.testing.MapSecretProvider;
import io.kailash.testing.StderrCapture;
import io.kailash.testing.TestNodes;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What leaves a run: results and errors carry values derived from secrets, never the secrets. */
class SecretResultsTest {

  private static final String KEY = "k3y-value-0123456789";
  private static final String TOKEN = "t0ken-value-9876543210";

  private final LocalRuntime runtime =
      new LocalRuntime(
          new MapSecretProvider("memory").put("jwt-signing-key", KEY).put("api-token", TOKEN));

  @Test
  void aValueDerivedFromASecretIsReturnedUnchanged() {
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(TestNodes.DerivingNode.class, "sign", Map.of("subject", "alice"))
            .build();

    ExecutionResult result = runtime.execute(workflow);

    assertThat(result.outputs("sign")).containsEntry("token", TestNodes.sha256(KEY + ":alice"));
  }

  @Test
  void aNodeReturningItsInputsHasItsSecretsMaskedInResultsAndDownstreamInputs() {
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(
                TestNodes.LeakingNode.class,
                "leak",
                Map.of("headers", Map.of("Authorization", "Bearer {api_token}"), "n", 7))
            .addNode(TestNodes.PlainNode.class, "next", null)
            .connect("leak", "api_token", "next", "got")
            .build();

    ExecutionResult result;
    String logs;
    try (StderrCapture capture = new StderrCapture()) {
      result = runtime.execute(workflow);
      logs = capture.text();
    }

    assertThat(result.outputs("leak"))
        .containsEntry("api_token", "****")
        .containsEntry("headers", Map.of("Authorization", "Bearer ****"))
        .containsEntry("n", 7);
    assertThat(TestNodes.received(TestNodes.PlainNode.class)).containsEntry("got", "****");
    assertThat(logs)
        .contains("Node 'leak' returned one of its secrets in output 'api_token'")
        .doesNotContain(TOKEN);
    assertThat(String.valueOf(result.results())).doesNotContain(TOKEN);
  }

  @Test
  void aSecretInANodesExceptionMessageIsMaskedInTheRunFailure() {
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(TestNodes.CarelessFailingNode.class, "careless", null)
            .build();

    assertThatThrownBy(() -> runtime.execute(workflow))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessageContaining("could not use token ****")
        .message()
        .doesNotContain(TOKEN);
  }

  @Test
  void masksSecretsInsideCollectionsToo() {
    SecretOutputGuard guard = new SecretOutputGuard(List.of("s3cr3t", ""));

    Map<String, Object> scrubbed =
        guard.scrub("n", Map.of("list", List.of("a", "x-s3cr3t-y"), "plain", "abc"));

    assertThat(scrubbed)
        .containsEntry("list", List.of("a", "x-****-y"))
        .containsEntry("plain", "abc");
  }
}
