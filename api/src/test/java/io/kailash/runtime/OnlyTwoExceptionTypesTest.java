package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.testing.MapSecretProvider;
import io.kailash.testing.TestNodes;
import io.kailash.workflow.Node;
import io.kailash.workflow.NodeRegistry;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import io.kailash.workflow.WorkflowValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Broken declarations, parameter maps injection cannot walk and misbehaving providers reach
 * application code as WorkflowValidationException / WorkflowExecutionException (LocalRuntime) or
 * SecretBackendException (the agent's handoff), never as IllegalArgumentException,
 * StackOverflowError or ClassCastException.
 */
class OnlyTwoExceptionTypesTest {

  @SecretRequirement(name = " ", parameter = "key")
  public static class BlankNameNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      throw new AssertionError("must not run");
    }
  }

  @SecretRequirement(name = "api-token", parameter = "")
  public static class BlankParameterNode extends BlankNameNode {}

  private static final SecretProvider BROKEN_PROVIDER =
      new MapSecretProvider("custom").failWith(new IllegalStateException("custom provider bug"));

  private static Map<String, Object> selfContaining() {
    Map<String, Object> map = new HashMap<>();
    map.put("self", map);
    return map;
  }

  private static Map<String, Object> nested(int depth) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < depth; i++) {
      map = new HashMap<>(Map.of("inner", map));
    }
    return map;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Object> integerKey() {
    Map raw = new HashMap();
    raw.put(42, "x");
    return raw;
  }

  @Test
  void blankNameOrParameterIsAValidationErrorAtBuild() {
    for (Class<? extends Node> type : List.of(BlankNameNode.class, BlankParameterNode.class)) {
      assertThatThrownBy(
              () -> new WorkflowBuilder(new NodeRegistry()).addNode(type, "n", Map.of()).build())
          .isInstanceOf(WorkflowValidationException.class)
          .hasMessageContaining("node 'n'")
          .hasMessageContaining("invalid @SecretRequirement");
    }
  }

  @Test
  void parameterMapsThatCannotBeWalkedAreValidationErrorsAtBuild() {
    for (Map<String, Object> params : List.of(selfContaining(), nested(20_000), integerKey())) {
      assertThatThrownBy(
              () ->
                  new WorkflowBuilder(new NodeRegistry())
                      .addNode(TestNodes.ApiNode.class, "n", Map.of("p", params))
                      .build())
          .isInstanceOf(WorkflowValidationException.class)
          .hasMessageContaining("node 'n'");
    }
  }

  @Test
  void runParametersThatCannotBeWalkedFailTheRunNamingNodeAndRun() {
    Workflow workflow =
        new WorkflowBuilder(new NodeRegistry())
            .addNode(TestNodes.ApiNode.class, "n", Map.of())
            .build();
    LocalRuntime runtime = new LocalRuntime(new io.kailash.secrets.EnvironmentSecretProvider());
    for (Map<String, Object> params : List.of(selfContaining(), nested(20_000), integerKey())) {
      assertThatThrownBy(() -> runtime.execute(workflow, Map.of("n", params)))
          .isInstanceOfSatisfying(
              WorkflowExecutionException.class,
              e -> {
                assertThat(e.nodeId()).isEqualTo("n");
                assertThat(e.getMessage()).contains("Run " + e.runId());
              });
    }
  }

  @Test
  void anUnexpectedProviderExceptionIsWrappedNamingNodeAndRun() {
    Workflow workflow =
        new WorkflowBuilder(new NodeRegistry())
            .addNode(TestNodes.PlainNode.class, "plain", Map.of())
            .addNode(TestNodes.ApiNode.class, "api", Map.of())
            .build();

    assertThatThrownBy(() -> new LocalRuntime(BROKEN_PROVIDER).execute(workflow))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class,
            e -> {
              assertThat(e.nodeId()).isEqualTo("api");
              assertThat(e.getMessage()).contains(e.runId()).contains("IllegalStateException");
              assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
            });
  }

  @Test
  void theAgentsHandoffAnswersBadShapesAndDeclarationsWithInvalidRequest() {
    Object node = new TestNodes.ApiNode();
    for (Map<String, Object> params : List.of(selfContaining(), nested(20_000), integerKey())) {
      // The view is built without reading the caller's map (issue 16: the warm call does not grow
      // with the parameters); each walk of it (printing, comparing, iterating) fails instead.
      Map<String, Object> view =
          AgentHandoff.inject(node, params, AgentProtocol.secrets(Map.of("api_token", "v")));
      assertThat(view.get("api_token")).isEqualTo("v");
      List<Runnable> walks =
          List.of(
              view::toString,
              view::hashCode,
              () -> view.equals(new HashMap<>()),
              () -> view.entrySet().iterator(),
              () -> view.put("extra", 1));
      for (Runnable walk : walks) {
        assertThatThrownBy(walk::run)
            .isInstanceOfSatisfying(
                SecretBackendException.class,
                e ->
                    assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INVALID_REQUEST))
            .hasMessageContaining(TestNodes.ApiNode.class.getName());
      }
    }
    // Reading a value that contains itself fails too, before anything recurses into it.
    Map<String, Object> self = selfContaining();
    Map<String, Object> view =
        AgentHandoff.inject(node, self, AgentProtocol.secrets(Map.of("api_token", "v")));
    assertThatThrownBy(() -> view.get("self"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INVALID_REQUEST));
    assertThatThrownBy(() -> AgentHandoff.needsSecrets(new BlankNameNode(), Map.of()))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INVALID_REQUEST))
        .hasMessageContaining(BlankNameNode.class.getName());
  }
}
