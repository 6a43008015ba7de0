package io.kailash.secrets.injection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Checks that a parameter map can be walked for injection and placeholders: String keys only, no
 * map or list that contains itself, at most {@link #MAX_DEPTH} levels of nesting. Without it a
 * self-containing or 20,000-level map overflows the stack and a raw map with an Integer key throws
 * {@code ClassCastException}, neither of which may reach application code. Iterative, so the check
 * itself cannot overflow; messages name keys' types and depths, never values.
 */
public final class ParameterShape {

  /** The deepest nesting of maps and lists in a node's parameters. */
  public static final int MAX_DEPTH = 256;

  /** Bounds the walk of a map that shares sub-maps many times over. */
  private static final int MAX_CONTAINERS = 100_000;

  private ParameterShape() {}

  /**
   * @throws IllegalArgumentException saying what is wrong with the shape of {@code parameters}
   */
  public static void check(Map<?, ?> parameters) {
    if (parameters == null || isFlat(parameters)) {
      return;
    }
    walk(parameters, 1);
  }

  /**
   * The same for one value of a parameter map (at the second level), before code that recurses into
   * it: {@link InjectedParameters} checks a map or list value only when the node reads it.
   *
   * @throws IllegalArgumentException saying what is wrong with the shape of {@code value}
   */
  static void checkValue(Object value) {
    if (value instanceof Map || value instanceof List) {
      walk(value, 2);
    }
  }

  private static void walk(Object root, int rootDepth) {
    Deque<Object[]> pending = new ArrayDeque<>();
    pending.push(new Object[] {root, rootDepth});
    int containers = 0;
    while (!pending.isEmpty()) {
      Object[] next = pending.pop();
      int depth = (Integer) next[1];
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException(
            "the parameters are nested deeper than "
                + MAX_DEPTH
                + " levels of maps and lists, or a map or list contains itself");
      }
      if (++containers > MAX_CONTAINERS) {
        throw new IllegalArgumentException(
            "the parameters hold more than " + MAX_CONTAINERS + " nested maps and lists");
      }
      if (next[0] instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!(entry.getKey() instanceof String)) {
            throw new IllegalArgumentException(
                "a parameter map has a key of type "
                    + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName())
                    + "; parameter names must be Strings");
          }
          pushIfContainer(pending, entry.getValue(), depth);
        }
      } else {
        for (Object element : (List<?>) next[0]) {
          pushIfContainer(pending, element, depth);
        }
      }
    }
  }

  /**
   * The common case on the warm path: String keys and no nested map or list. Checked without
   * allocating anything.
   */
  private static boolean isFlat(Map<?, ?> parameters) {
    for (Map.Entry<?, ?> entry : parameters.entrySet()) {
      Object value = entry.getValue();
      if (!(entry.getKey() instanceof String) || value instanceof Map || value instanceof List) {
        return false;
      }
    }
    return true;
  }

  private static void pushIfContainer(Deque<Object[]> pending, Object value, int depth) {
    if (value instanceof Map || value instanceof List) {
      pending.push(new Object[] {value, depth + 1});
    }
  }
}
