package io.kailash.secrets.agent.internal.transform;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the transformer did with each node class, per class loader (held weakly): woven, or why not.
 * The guard ({@link NodeGuard}) asks it when a node class that declares secrets is first
 * instantiated; a class it never saw (a hidden class, one loaded before the agent) is unknown here.
 */
final class WovenClasses {

  private final Map<ClassLoader, Map<String, String>> outcomes = new WeakHashMap<>();

  /** Marks {@code internalName} as woven. */
  void woven(ClassLoader loader, String internalName) {
    outcomesOf(loader).put(internalName, "");
  }

  /** Records why {@code internalName} was not woven. A later weave replaces it. */
  void refused(ClassLoader loader, String internalName, String why) {
    outcomesOf(loader).put(internalName, why);
  }

  /** {@code ""} when woven, the reason when refused, {@code null} when never seen. */
  String outcome(ClassLoader loader, String internalName) {
    Map<String, String> known;
    synchronized (outcomes) {
      known = outcomes.get(loader);
    }
    return known == null ? null : known.get(internalName);
  }

  private Map<String, String> outcomesOf(ClassLoader loader) {
    synchronized (outcomes) { // get-then-put, not computeIfAbsent: no lambda on the start path
      Map<String, String> known = outcomes.get(loader);
      if (known == null) {
        known = new ConcurrentHashMap<>();
        outcomes.put(loader, known);
      }
      return known;
    }
  }
}
