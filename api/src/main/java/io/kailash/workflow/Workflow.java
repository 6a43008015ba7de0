package io.kailash.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A validated, immutable graph of nodes and connections, built by {@link WorkflowBuilder}. It holds
 * node types and parameters, never node instances: each run creates fresh nodes.
 */
public final class Workflow {

  private final Map<String, NodeSpec> nodes;
  private final List<Connection> connections;
  private final List<NodeSpec> executionOrder;

  /** Only {@link WorkflowBuilder} creates workflows, after checking them. */
  Workflow(Map<String, NodeSpec> nodes, List<Connection> connections) {
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    this.connections = List.copyOf(connections);
    this.executionOrder = topologicalOrder(this.nodes, this.connections);
  }

  /** The nodes in the order they were added. */
  public Collection<NodeSpec> nodes() {
    return nodes.values();
  }

  /**
   * @throws NoSuchElementException naming the id if there is no such node
   */
  public NodeSpec node(String id) {
    NodeSpec spec = nodes.get(id);
    if (spec == null) {
      throw new NoSuchElementException(
          "No node '" + id + "' in this workflow; nodes: " + nodes.keySet());
    }
    return spec;
  }

  public List<Connection> connections() {
    return connections;
  }

  /** The connections that feed inputs of node {@code id}. */
  public List<Connection> incoming(String id) {
    return connections.stream().filter(c -> c.toNode().equals(id)).toList();
  }

  /**
   * The nodes in an order in which every node comes after the nodes it is connected from; among
   * nodes free to run, the one added first comes first.
   */
  public List<NodeSpec> executionOrder() {
    return executionOrder;
  }

  @Override
  public String toString() {
    return "Workflow[nodes=" + nodes.keySet() + ", connections=" + connections + "]";
  }

  private static List<NodeSpec> topologicalOrder(
      Map<String, NodeSpec> nodes, List<Connection> connections) {
    Map<String, Integer> unmetInputs = new HashMap<>();
    nodes.keySet().forEach(id -> unmetInputs.put(id, 0));
    connections.forEach(c -> unmetInputs.merge(c.toNode(), 1, Integer::sum));
    List<NodeSpec> order = new ArrayList<>(nodes.size());
    List<String> waiting = new ArrayList<>(nodes.keySet());
    while (!waiting.isEmpty()) {
      // The first waiting node (in insertion order) with no unmet input runs next. There always
      // is one: build() rejected cycles.
      String next =
          waiting.stream().filter(id -> unmetInputs.get(id) == 0).findFirst().orElseThrow();
      waiting.remove(next);
      order.add(nodes.get(next));
      for (Connection connection : connections) {
        if (connection.fromNode().equals(next)) {
          unmetInputs.merge(connection.toNode(), -1, Integer::sum);
        }
      }
    }
    return List.copyOf(order);
  }
}
