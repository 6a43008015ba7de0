package io.kailash.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds a cycle among connected nodes, so that the error can show it: {@code a -> b -> a}. */
final class CycleFinder {

  private enum State {
    VISITING,
    DONE
  }

  private final Map<String, List<String>> successors;
  private final Map<String, State> states = new HashMap<>();
  private final Deque<String> path = new ArrayDeque<>();

  private CycleFinder(Map<String, List<String>> successors) {
    this.successors = successors;
  }

  /** The first cycle in node order, as a path whose first and last element are the same id. */
  static Optional<List<String>> firstCycle(
      Collection<String> nodeIds, Collection<Connection> connections) {
    Map<String, List<String>> successors = new LinkedHashMap<>();
    nodeIds.forEach(id -> successors.put(id, new ArrayList<>()));
    connections.forEach(c -> successors.get(c.fromNode()).add(c.toNode()));
    CycleFinder finder = new CycleFinder(successors);
    for (String id : nodeIds) {
      Optional<List<String>> cycle = finder.visit(id);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  private Optional<List<String>> visit(String id) {
    State state = states.get(id);
    if (state == State.DONE) {
      return Optional.empty();
    }
    if (state == State.VISITING) {
      return Optional.of(cycleEndingAt(id));
    }
    states.put(id, State.VISITING);
    path.addLast(id);
    for (String next : successors.get(id)) {
      Optional<List<String>> cycle = visit(next);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.removeLast();
    states.put(id, State.DONE);
    return Optional.empty();
  }

  private List<String> cycleEndingAt(String id) {
    List<String> onPath = new ArrayList<>(path);
    List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(id), onPath.size()));
    cycle.add(id);
    return cycle;
  }
}
