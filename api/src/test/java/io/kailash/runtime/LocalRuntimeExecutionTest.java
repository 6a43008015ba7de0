package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.testing.TestNodes;
import io.kailash.testing.TestNodes.BlockingNode;
import io.kailash.workflow.Node;
import io.kailash.workflow.NodeRegistry;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalRuntimeExecutionTest {

  private final NodeRegistry registry =
      new NodeRegistry()
          .register(TestNodes.ConstantNode.class)
          .register(TestNodes.ConcatNode.class)
          .register(TestNodes.FailingNode.class);

  @BeforeEach
  void reset() {
    TestNodes.reset();
  }

  private Workflow joinWorkflow() {
    return new WorkflowBuilder(registry)
        .addNode("ConcatNode", "join", Map.of())
        .addNode("ConstantNode", "left", Map.of("value", "L"))
        .addNode("ConstantNode", "right", Map.of("value", "R"))
        .connect("left", "value", "join", "a")
        .connect("right", "value", "join", "b")
        .build();
  }

  @Test
  void runsNodesInDependencyOrderFeedingConnectedOutputsIntoInputs() {
    ExecutionResult result = new LocalRuntime().execute(joinWorkflow());

    assertThat(TestNodes.RUN_LOG).containsExactly("ConstantNode:L", "ConstantNode:R", "ConcatNode");
    assertThat(result.outputs("join")).isEqualTo(Map.of("sum", "LR"));
    assertThat(result.results()).containsOnlyKeys("left", "right", "join");
    assertThat(result.runId()).isNotBlank();
  }

  @Test
  void runParametersOverrideNodeParametersAndConnectionsOverrideBoth() {
    Workflow workflow =
        new WorkflowBuilder(registry)
            .addNode("ConstantNode", "source", Map.of("value", "from-node"))
            .addNode("ConcatNode", "join", Map.of("a", "static-a", "b", "static-b"))
            .connect("source", "value", "join", "a")
            .build();
    Map<String, Object> joinParameters = new HashMap<>(Map.of("a", "run-a", "b", "run-b"));

    ExecutionResult result =
        new LocalRuntime()
            .execute(
                workflow, Map.of("source", Map.of("value", "run-value"), "join", joinParameters));

    assertThat(result.outputs("join")).isEqualTo(Map.of("sum", "run-valuerun-b"));
    assertThat(joinParameters).isEqualTo(Map.of("a", "run-a", "b", "run-b"));
    assertThat(workflow.node("join").parameters()).containsEntry("a", "static-a");
  }

  @Test
  void runParametersForAnUnknownNodeAreRejectedNamingIt() {
    assertThatThrownBy(
            () -> new LocalRuntime().execute(joinWorkflow(), Map.of("nope", Map.of("x", 1))))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("'nope'");
  }

  @Test
  void aNodeThatThrowsFailsTheRunNamingNodeAndRunWithTheCause() {
    Workflow workflow =
        new WorkflowBuilder(registry)
            .addNode("ConstantNode", "first", Map.of("value", 1))
            .addNode("FailingNode", "breaks", Map.of())
            .addNode("ConcatNode", "after", Map.of())
            .connect("first", "value", "breaks", "in")
            .connect("breaks", "out", "after", "a")
            .build();

    assertThatThrownBy(() -> new LocalRuntime().execute(workflow))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class,
            e -> {
              assertThat(e.nodeId()).isEqualTo("breaks");
              assertThat(e.getMessage())
                  .startsWith("Run " + e.runId() + " failed at node 'breaks': ")
                  .contains("IllegalStateException: boom");
            })
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThat(TestNodes.RUN_LOG).containsExactly("ConstantNode:1");
  }

  @Test
  void aNodeExceedingTheMaxExecutionTimeFailsTheRunAndIsInterrupted() throws Exception {
    BlockingNode.RELEASE = new CountDownLatch(1);
    BlockingNode.INTERRUPTED = new CountDownLatch(1);
    Workflow workflow =
        new WorkflowBuilder(registry).addNode(BlockingNode.class, "slow", Map.of()).build();
    LocalRuntime runtime = LocalRuntime.builder().maxExecutionTime(Duration.ofMillis(50)).build();

    try {
      assertThatThrownBy(() -> runtime.execute(workflow))
          .isInstanceOfSatisfying(
              WorkflowExecutionException.class, e -> assertThat(e.nodeId()).isEqualTo("slow"))
          .hasMessageContaining("failed at node 'slow'")
          .hasMessageContaining("exceeded the max execution time of PT0.05S");
      assertThat(BlockingNode.INTERRUPTED.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      BlockingNode.RELEASE.countDown();
    }
  }

  @Test
  void maxExecutionTimeMustBePositive() {
    assertThatThrownBy(() -> LocalRuntime.builder().maxExecutionTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
  }

  @Test
  void nodesRunOnNamedDaemonWorkerThreads() {
    registry.register("ThreadProbe", ThreadProbe::new);
    Workflow workflow = new WorkflowBuilder(registry).addNode("ThreadProbe", "probe", null).build();

    Map<String, Object> outputs = new LocalRuntime().execute(workflow).outputs("probe");

    assertThat((String) outputs.get("thread")).startsWith("kailash-node-");
    assertThat(outputs.get("daemon")).isEqualTo(true);
  }

  @Test
  void eachRunHasItsOwnRunIdAndFreshNodes() {
    registry.register("ThreadProbe", ThreadProbe::new);
    Workflow workflow = new WorkflowBuilder(registry).addNode("ThreadProbe", "probe", null).build();
    LocalRuntime runtime = new LocalRuntime();

    ExecutionResult first = runtime.execute(workflow);
    ExecutionResult second = runtime.execute(workflow);

    assertThat(first.runId()).isNotEqualTo(second.runId());
    assertThat(first.outputs("probe").get("instance"))
        .isNotEqualTo(second.outputs("probe").get("instance"));
  }

  @Test
  void aConnectedOutputTheSourceDidNotReturnFailsTheRunNamingIt() {
    Workflow workflow =
        new WorkflowBuilder(registry)
            .addNode("ConstantNode", "source", Map.of("value", "v"))
            .addNode("ConcatNode", "join", Map.of())
            .connect("source", "missing", "join", "a")
            .build();

    assertThatThrownBy(() -> new LocalRuntime().execute(workflow))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessageContaining(
            "failed at node 'join': input 'a' is connected to output 'missing' of node 'source',"
                + " which returned only [value]");
  }

  @Test
  void aNodeThatCannotBeCreatedFailsTheRunNamingIt() {
    registry.register("Broken", () -> null);
    Workflow workflow = new WorkflowBuilder(registry).addNode("Broken", "b", Map.of()).build();

    assertThatThrownBy(() -> new LocalRuntime().execute(workflow))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).isEqualTo("b"))
        .hasMessageContaining("could not create node of type 'Broken'");
  }

  @Test
  void aNullResultCountsAsNoOutputsAndResultsAreReadOnly() {
    registry.register(
        "Silent",
        () ->
            new Node() {
              @Override
              public Map<String, Object> run(Map<String, Object> inputs) {
                return null;
              }
            });
    Workflow workflow = new WorkflowBuilder(registry).addNode("Silent", "s", Map.of()).build();

    ExecutionResult result = new LocalRuntime().execute(workflow);

    assertThat(result.outputs("s")).isEmpty();
    assertThatThrownBy(() -> result.results().put("x", Map.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.outputs("s").put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.outputs("other"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("'other'");
  }

  @Test
  void resultToStringShowsOutputNamesNotValues() {
    ExecutionResult result = new LocalRuntime().execute(joinWorkflow());

    assertThat(result.toString()).contains("join=[sum]").doesNotContain("LR");
  }

  /** Reports the thread it ran on and its own identity. */
  static final class ThreadProbe extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of(
          "thread", Thread.currentThread().getName(),
          "daemon", Thread.currentThread().isDaemon(),
          "instance", System.identityHashCode(this));
    }
  }
}
