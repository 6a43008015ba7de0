package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.audit.JsonLinesAuditSink;
import io.kailash.testing.LeakProbe;
import io.kailash.testing.MapSecretProvider;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Masking is the same whether the runtime's provider or the agent injected: a node returning its
 * secret in any shape has it masked in the results and in the next node's inputs, and an exception
 * quoting it keeps it out of the whole cause chain.
 */
class AgentPathMaskingTest {

  private static final String TOKEN = AdvisedNodes.TOKEN;

  @TempDir Path dir;

  @BeforeEach
  void reset() {
    AdvisedNodes.RECEIVED.clear();
  }

  private LocalRuntime runtime(String path) {
    LocalRuntime.Builder builder;
    try {
      builder =
          LocalRuntime.builder()
              .auditSink(
                  JsonLinesAuditSink.open(
                      dir.resolve("audit.jsonl"),
                      JsonLinesAuditSink.DEFAULT_MAX_FILE_SIZE,
                      JsonLinesAuditSink.DEFAULT_MAX_FILES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (path.equals("provider")) {
      builder.secretProvider(new MapSecretProvider("memory").put("api-token", TOKEN));
    }
    return builder.build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"provider", "agent"})
  void aReturnedSecretIsMaskedInEveryShapeInResultsAndDownstreamInputs(String path) {
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(AdvisedNodes.LeakyApiNode.class, "api", Map.of("text", "t"))
            .addNode(AdvisedNodes.DownstreamNode.class, "next", null)
            .connect("api", "plain", "next", "got")
            .build();

    ExecutionResult result;
    try (LeakProbe probe = LeakProbe.open(dir.resolve("audit.jsonl"))) {
      result = runtime(path).execute(workflow);
      probe.result(result);
      probe.value(
          "downstream inputs", AdvisedNodes.RECEIVED.get(AdvisedNodes.DownstreamNode.class));
      probe.assertNowhere(TOKEN);
    }

    Map<String, Object> out = result.outputs("api");
    assertThat(out.get("plain")).isEqualTo("****");
    assertThat((char[]) out.get("chars")).containsExactly("****".toCharArray());
    assertThat(new String((byte[]) out.get("bytes"), StandardCharsets.UTF_8)).isEqualTo("x****");
    assertThat(out.get("builder")).isEqualTo("sb:****");
    assertThat(out.get("optional")).isEqualTo(Optional.of("****"));
    assertThat((Object[]) out.get("array")).containsExactly("a", "****");
    assertThat(out.get("set")).isEqualTo(java.util.Set.of("s:****"));
    assertThat(out.get("nested").toString()).doesNotContain(TOKEN);
    assertThat(AdvisedNodes.RECEIVED.get(AdvisedNodes.DownstreamNode.class))
        .containsEntry("got", "****");
  }

  @ParameterizedTest
  @ValueSource(strings = {"provider", "agent"})
  void anExceptionQuotingTheSecretKeepsItOutOfTheWholeCauseChain(String path) {
    Workflow workflow =
        new WorkflowBuilder().addNode(AdvisedNodes.ParsingNode.class, "parse", null).build();

    try (LeakProbe probe = LeakProbe.open(dir.resolve("audit.jsonl"))) {
      assertThatThrownBy(() -> runtime(path).execute(workflow))
          .isInstanceOfSatisfying(
              WorkflowExecutionException.class,
              e -> {
                probe.exception(e);
                assertThat(e.getCause()).isInstanceOf(MaskedException.class);
                assertThat(((MaskedException) e.getCause()).originalType())
                    .isEqualTo(IllegalStateException.class.getName());
                assertThat(e.getCause().getCause())
                    .hasMessageContaining(NumberFormatException.class.getName())
                    .hasMessageContaining("\"****\"");
              });
      probe.assertNowhere(TOKEN);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"provider", "agent"})
  void theNodesParameterViewMasksItselfItsEntriesAndItsValues(String path) {
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(AdvisedNodes.LeakyApiNode.class, "api", Map.of("header", "Bearer {api_token}"))
            .build();
    runtime(path).execute(workflow);
    Map<String, Object> view = AdvisedNodes.RECEIVED.get(AdvisedNodes.LeakyApiNode.class);

    try (LeakProbe probe = LeakProbe.open()) {
      probe.value("view", view.toString());
      probe.value("entries", view.entrySet().toString());
      probe.value("values", view.values().toString());
      probe.value("entry", List.copyOf(view.entrySet()).get(0).toString());
      probe.assertNowhere(TOKEN);
    }
    assertThat(view.get("api_token")).isEqualTo(TOKEN);
    assertThat(view.values()).contains(TOKEN, "Bearer " + TOKEN);
  }
}
