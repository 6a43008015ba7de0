package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretTemplate;
import io.kailash.testing.LeakProbe;
import io.kailash.testing.MapSecretProvider;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Placeholders are filled only in what the workflow's author wrote: user text arriving through a
 * connection or a run-time override stays literal on both paths (the runtime's provider, and the
 * agent's advice under a runtime without provider), while the author's {@code "Bearer {api_token}"}
 * is still filled.
 */
class UntrustedPlaceholderTest {

  private static final String USER_TEXT = "Hi! my token is {api_token}";

  @BeforeEach
  void reset() {
    AdvisedNodes.RECEIVED.clear();
  }

  private static LocalRuntime runtime(String path) {
    return path.equals("provider")
        ? new LocalRuntime(new MapSecretProvider("memory").put("api-token", AdvisedNodes.TOKEN))
        : new LocalRuntime(); // the advice in the node plays the agent
  }

  private static Workflow workflow() {
    return new WorkflowBuilder()
        .addNode(AdvisedNodes.InputNode.class, "input", Map.of("value", "unused"))
        .addNode(
            AdvisedNodes.LeakyApiNode.class,
            "api",
            Map.of("header", "Bearer {api_token}", "text", "author default {api_token}"))
        .connect("input", "value", "api", "text")
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"provider", "agent"})
  void connectedUserTextStaysLiteralWhileTheAuthorsHeaderIsFilled(String path) {
    ExecutionResult result;
    try (LeakProbe probe = LeakProbe.open()) {
      result = runtime(path).execute(workflow(), Map.of("input", Map.of("value", USER_TEXT)));
      probe.result(result);
      probe.assertNowhere(AdvisedNodes.TOKEN);
    }

    Map<String, Object> received = AdvisedNodes.RECEIVED.get(AdvisedNodes.LeakyApiNode.class);
    assertThat(received.get("text")).isEqualTo(USER_TEXT);
    assertThat(received.get("header")).isEqualTo("Bearer " + AdvisedNodes.TOKEN);
    assertThat(result.outputs("api")).containsEntry("text", USER_TEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"provider", "agent"})
  void aRunTimeOverrideStaysLiteralButASecretTemplateOverrideIsFilled(String path) {
    Map<String, Map<String, Object>> overrides =
        Map.of("api", Map.of("text", USER_TEXT, "header", SecretTemplate.of("Token {api_token}")));
    Workflow workflow =
        new WorkflowBuilder().addNode(AdvisedNodes.LeakyApiNode.class, "api", null).build();

    try (LeakProbe probe = LeakProbe.open()) {
      probe.result(runtime(path).execute(workflow, overrides));
      probe.assertNowhere(AdvisedNodes.TOKEN);
    }

    Map<String, Object> received = AdvisedNodes.RECEIVED.get(AdvisedNodes.LeakyApiNode.class);
    assertThat(received.get("text")).isEqualTo(USER_TEXT);
    assertThat(received.get("header")).isEqualTo("Token " + AdvisedNodes.TOKEN);
  }
}
