package io.kailash.secrets.injection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which warnings about a node class were already logged, so that a mistake in a workflow
 * is reported once per node class and parameter instead of once per call: 64 threads running one
 * misconfigured node flooded the log. A {@link ClassValue}, so remembering a class never keeps its
 * class loader alive.
 */
public final class OncePerNodeClass {

  private final ClassValue<Set<String>> seen =
      new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
          return ConcurrentHashMap.newKeySet();
        }
      };

  /**
   * @return {@code true} the first time {@code subject} is named for {@code nodeClass}, on any
   *     thread, and {@code false} every time after
   */
  public boolean first(Class<?> nodeClass, String subject) {
    return seen.get(nodeClass).add(subject);
  }
}
