package io.kailash.workflow;

import io.kailash.secrets.injection.ParameterShape;
import io.kailash.secrets.internal.NodeSecretRequirements;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Assembles a {@link Workflow}: nodes by type name (looked up in a {@link NodeRegistry}) or by
 * class, and connections from one node's output to another node's input.
 *
 * <pre>{@code
 * Workflow workflow = new WorkflowBuilder()
 *     .addNode("TokenGeneratorNode", "issue", Map.of("subject", "alice"))
 *     .addNode(HTTPRequestNode.class, "call", Map.of("url", url))
 *     .connect("issue", "token", "call", "body")
 *     .build();
 * }</pre>
 *
 * <p>Nothing is checked until {@link #build()}, which reports every problem at once.
 */
public final class WorkflowBuilder {

  private final NodeRegistry registry;
  private final List<PendingNode> nodes = new ArrayList<>();
  private final List<Connection> connections = new ArrayList<>();

  /** A builder that resolves type names through {@link NodeRegistry#global()}. */
  public WorkflowBuilder() {
    this(NodeRegistry.global());
  }

  public WorkflowBuilder(NodeRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Adds a node of a registered type; {@code params} may be {@code null} for none. */
  public WorkflowBuilder addNode(String type, String id, Map<String, Object> params) {
    nodes.add(new PendingNode(id, type, null, params));
    return this;
  }

  /**
   * Adds a node of {@code type}, created through its public no-argument constructor; the class need
   * not be registered.
   */
  public WorkflowBuilder addNode(
      Class<? extends Node> type, String id, Map<String, Object> params) {
    nodes.add(new PendingNode(id, type.getSimpleName(), type, params));
    return this;
  }

  /**
   * Feeds output {@code fromOutput} of {@code fromNode} into input {@code toInput} of {@code
   * toNode}.
   */
  public WorkflowBuilder connect(
      String fromNode, String fromOutput, String toNode, String toInput) {
    connections.add(new Connection(fromNode, fromOutput, toNode, toInput));
    return this;
  }

  /**
   * @throws WorkflowValidationException naming each duplicate or blank id, unknown type (with the
   *     known ones), connection to a missing node or input fed twice, or else the first cycle found
   */
  public Workflow build() {
    List<String> problems = new ArrayList<>();
    Map<String, NodeSpec> specs = new LinkedHashMap<>();
    for (PendingNode node : nodes) {
      Optional<NodeSpec> spec = resolve(node, problems);
      if (spec.isPresent() && specs.putIfAbsent(node.id(), spec.get()) != null) {
        problems.add("duplicate node id '" + node.id() + "'");
      }
    }
    checkConnections(specs.keySet(), problems);
    if (problems.isEmpty()) {
      CycleFinder.firstCycle(specs.keySet(), connections)
          .ifPresent(cycle -> problems.add("cycle: " + String.join(" -> ", cycle)));
    }
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException(problems);
    }
    return new Workflow(specs, connections);
  }

  private Optional<NodeSpec> resolve(PendingNode node, List<String> problems) {
    if (node.id() == null || node.id().isBlank()) {
      problems.add("a node of type '" + node.type() + "' has no id");
      return Optional.empty();
    }
    Supplier<? extends Node> factory;
    if (node.nodeClass() != null) {
      try {
        factory = NodeRegistry.factoryFor(node.nodeClass());
      } catch (IllegalArgumentException unusable) {
        problems.add("node '" + node.id() + "': " + unusable.getMessage());
        return Optional.empty();
      }
    } else {
      factory = registry.factory(node.type()).orElse(null);
    }
    if (factory == null) {
      problems.add(
          "node '"
              + node.id()
              + "' has unknown type '"
              + node.type()
              + "'; known types: "
              + registry.knownTypes());
      return Optional.empty();
    }
    if (!secretsCanBeInjected(node, problems)) {
      return Optional.empty();
    }
    return Optional.of(new NodeSpec(node.id(), node.type(), factory, node.params()));
  }

  /** Broken @SecretRequirement declarations and parameter maps injection cannot walk. */
  private static boolean secretsCanBeInjected(PendingNode node, List<String> problems) {
    try {
      if (node.nodeClass() != null) {
        NodeSecretRequirements.of(node.nodeClass());
      }
      ParameterShape.check(node.params());
      return true;
    } catch (IllegalStateException | IllegalArgumentException invalid) {
      problems.add("node '" + node.id() + "': " + invalid.getMessage());
      return false;
    }
  }

  private void checkConnections(Set<String> ids, List<String> problems) {
    Set<String> fedInputs = new HashSet<>();
    for (Connection connection : connections) {
      if (!ids.contains(connection.fromNode())) {
        problems.add(
            "connection " + connection + " starts at missing node '" + connection.fromNode() + "'");
      }
      if (!ids.contains(connection.toNode())) {
        problems.add(
            "connection " + connection + " ends at missing node '" + connection.toNode() + "'");
      }
      if (!fedInputs.add(connection.toNode() + "." + connection.toInput())) {
        problems.add(
            "input '"
                + connection.toInput()
                + "' of node '"
                + connection.toNode()
                + "' is fed by more than one connection");
      }
    }
  }

  /** A node as added; {@code nodeClass} is set when it was added by class. */
  private record PendingNode(
      String id, String type, Class<? extends Node> nodeClass, Map<String, Object> params) {}
}
