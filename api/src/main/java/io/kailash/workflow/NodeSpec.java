package io.kailash.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One node of a {@link Workflow}: its id, its type name, the factory that creates an instance for
 * each run, and its parameters (deeply unmodifiable).
 */
public final class NodeSpec {

  private final String id;
  private final String type;
  private final Supplier<? extends Node> factory;
  private final Map<String, Object> parameters;

  NodeSpec(String id, String type, Supplier<? extends Node> factory, Map<String, ?> parameters) {
    this.id = id;
    this.type = type;
    this.factory = factory;
    this.parameters = unmodifiableCopy(parameters == null ? Map.of() : parameters);
  }

  public String id() {
    return id;
  }

  public String type() {
    return type;
  }

  /** The parameters given when the node was added; nested maps and lists are unmodifiable too. */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /** A new instance of the node, for one run. */
  public Node newNode() {
    Node node = factory.get();
    if (node == null) {
      throw new IllegalStateException("The factory of node type '" + type + "' returned null");
    }
    return node;
  }

  /** Names the parameters but not their values, which may hold (hard-coded) secrets. */
  @Override
  public String toString() {
    return "NodeSpec[id=" + id + ", type=" + type + ", parameters=" + parameters.keySet() + "]";
  }

  private static Map<String, Object> unmodifiableCopy(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, unmodifiableValue(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object unmodifiableValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, nested) -> copy.put(key, unmodifiableValue(nested)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(unmodifiableValue(element)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
