package io.kailash.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kailash.testing.TestNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowBuilderTest {

  private final NodeRegistry registry =
      new NodeRegistry()
          .register(TestNodes.ConstantNode.class)
          .register(TestNodes.ConcatNode.class);

  private WorkflowBuilder builder() {
    return new WorkflowBuilder(registry);
  }

  /** The problems build() reports, checking that it throws and that the message lists them. */
  private static List<String> problemsOf(WorkflowBuilder builder) {
    WorkflowValidationException e =
        catchThrowableOfType(WorkflowValidationException.class, builder::build);
    assertThat(e).as("build() should reject the workflow").isNotNull();
    e.problems().forEach(problem -> assertThat(e.getMessage()).contains(problem));
    return e.problems();
  }

  @Test
  void buildsNodesByTypeNameAndByClass() {
    Workflow workflow =
        builder()
            .addNode("ConstantNode", "a", Map.of("value", "x"))
            .addNode(TestNodes.PlainNode.class, "p", null)
            .build();

    assertThat(workflow.nodes()).extracting(NodeSpec::id).containsExactly("a", "p");
    assertThat(workflow.node("a").type()).isEqualTo("ConstantNode");
    assertThat(workflow.node("p").type()).isEqualTo("PlainNode");
    assertThat(workflow.node("p").parameters()).isEmpty();
    assertThat(workflow.node("p").newNode()).isInstanceOf(TestNodes.PlainNode.class);
  }

  @Test
  void usesTheGlobalRegistryByDefault() {
    NodeRegistry.global().register("GlobalOnlyTestNode", TestNodes.PlainNode::new);

    Workflow workflow = new WorkflowBuilder().addNode("GlobalOnlyTestNode", "g", Map.of()).build();

    assertThat(workflow.node("g").newNode()).isInstanceOf(TestNodes.PlainNode.class);
  }

  @Test
  void rejectsDuplicateIdsNamingTheId() {
    assertThatThrownBy(
            () ->
                builder()
                    .addNode("ConstantNode", "same", Map.of())
                    .addNode("ConcatNode", "same", Map.of())
                    .build())
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessage("Invalid workflow: duplicate node id 'same'");
  }

  @Test
  void rejectsUnknownTypesListingTheKnownOnes() {
    assertThatThrownBy(() -> builder().addNode("HttpNode", "call", Map.of()).build())
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessage(
            "Invalid workflow: node 'call' has unknown type 'HttpNode'; known types:"
                + " [ConcatNode, ConstantNode]");
  }

  @Test
  void rejectsBlankIdsAndUnusableClasses() {
    assertThat(
            problemsOf(
                builder()
                    .addNode("ConstantNode", " ", Map.of())
                    .addNode(TestNodes.NeedsArgumentNode.class, "n", Map.of())))
        .containsExactly(
            "a node of type 'ConstantNode' has no id",
            "node 'n': Node class "
                + TestNodes.NeedsArgumentNode.class.getName()
                + " needs a public no-argument constructor (a nested class must be"
                + " static); or register it with a factory: register(\"name\", () ->"
                + " new ...).");
  }

  @Test
  void rejectsConnectionsToMissingNodesNamingNodeAndConnection() {
    WorkflowBuilder builder =
        builder()
            .addNode("ConstantNode", "a", Map.of())
            .connect("a", "value", "ghost", "in")
            .connect("phantom", "out", "a", "value");

    assertThat(problemsOf(builder))
        .containsExactly(
            "connection a.value -> ghost.in ends at missing node 'ghost'",
            "connection phantom.out -> a.value starts at missing node 'phantom'");
    assertThatThrownBy(builder::build).hasMessageStartingWith("Invalid workflow: 2 problems:");
  }

  @Test
  void rejectsAnInputFedTwice() {
    assertThat(
            problemsOf(
                builder()
                    .addNode("ConstantNode", "a", Map.of())
                    .addNode("ConstantNode", "b", Map.of())
                    .addNode("ConcatNode", "c", Map.of())
                    .connect("a", "value", "c", "a")
                    .connect("b", "value", "c", "a")))
        .containsExactly("input 'a' of node 'c' is fed by more than one connection");
  }

  @Test
  void rejectsCyclesShowingThePath() {
    assertThatThrownBy(
            () ->
                builder()
                    .addNode("ConstantNode", "start", Map.of())
                    .addNode("ConcatNode", "x", Map.of())
                    .addNode("ConcatNode", "y", Map.of())
                    .addNode("ConcatNode", "z", Map.of())
                    .connect("start", "value", "x", "a")
                    .connect("x", "sum", "y", "a")
                    .connect("y", "sum", "z", "a")
                    .connect("z", "sum", "x", "b")
                    .build())
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessage("Invalid workflow: cycle: x -> y -> z -> x");
  }

  @Test
  void rejectsANodeConnectedToItself() {
    assertThatThrownBy(
            () ->
                builder()
                    .addNode("ConcatNode", "loop", Map.of())
                    .connect("loop", "sum", "loop", "a")
                    .build())
        .hasMessage("Invalid workflow: cycle: loop -> loop");
  }

  @Test
  void executionOrderPutsEveryNodeAfterItsSourcesAndOtherwiseKeepsInsertionOrder() {
    Workflow workflow =
        builder()
            .addNode("ConcatNode", "join", Map.of())
            .addNode("ConstantNode", "left", Map.of())
            .addNode("ConstantNode", "free", Map.of())
            .addNode("ConstantNode", "right", Map.of())
            .connect("left", "value", "join", "a")
            .connect("right", "value", "join", "b")
            .build();

    assertThat(workflow.executionOrder())
        .extracting(NodeSpec::id)
        .containsExactly("left", "free", "right", "join");
    assertThat(workflow.incoming("join")).hasSize(2);
  }

  @Test
  void theWorkflowIsImmutableAndUnaffectedByLaterChangesToTheCallersMaps() {
    Map<String, Object> nested = new HashMap<>(Map.of("k", "v"));
    List<Object> list = new ArrayList<>(List.of("one"));
    Map<String, Object> params = new HashMap<>(Map.of("nested", nested, "list", list));
    WorkflowBuilder builder = builder().addNode("ConstantNode", "a", params);
    Workflow workflow = builder.build();

    params.put("later", "x");
    nested.put("k", "changed");
    list.add("two");
    builder.addNode("ConstantNode", "b", Map.of());

    NodeSpec spec = workflow.node("a");
    assertThat(spec.parameters()).containsOnlyKeys("nested", "list");
    assertThat(spec.parameters().get("nested")).isEqualTo(Map.of("k", "v"));
    assertThat(spec.parameters().get("list")).isEqualTo(List.of("one"));
    assertThat(workflow.nodes()).hasSize(1);
    assertThatThrownBy(() -> spec.parameters().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> nestedCopy = (Map<String, Object>) spec.parameters().get("nested");
    assertThatThrownBy(() -> nestedCopy.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> workflow.connections().add(new Connection("a", "b", "c", "d")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringShowsParameterNamesButNotValues() {
    Workflow workflow =
        builder().addNode("ConstantNode", "a", Map.of("password", "hunter2")).build();

    assertThat(workflow.node("a").toString()).contains("password").doesNotContain("hunter2");
    assertThat(workflow.toString()).doesNotContain("hunter2");
  }

  @Test
  void askingForAMissingNodeNamesIt() {
    Workflow workflow = builder().addNode("ConstantNode", "a", Map.of()).build();

    assertThatThrownBy(() -> workflow.node("b"))
        .hasMessage("No node 'b' in this workflow; nodes: [a]");
  }
}
