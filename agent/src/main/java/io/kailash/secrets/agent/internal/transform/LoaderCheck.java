package io.kailash.secrets.agent.internal.transform;

import io.kailash.secrets.agent.internal.logging.AgentLog;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Our "muzzle": the woven advice calls {@code io.kailash.secrets.injection.AgentHandoff} (the
 * application's api jar) and the agent's bridge, so a class is only woven when its loader sees
 * both, and sees the bridge through delegation to the very class the agent filled in (a loader that
 * does not delegate to the system class loader, or has its own copy, would get a bridge with no
 * implementation). Answers are cached per loader, held weakly.
 */
final class LoaderCheck {

  private static final AgentLog LOG = AgentLog.of(LoaderCheck.class);
  private static final String HANDOFF = "io/kailash/secrets/injection/AgentHandoff.class";

  private final Class<?> bridge;
  private final TransformStats stats;
  private final Map<ClassLoader, Boolean> answers = new WeakHashMap<>();

  LoaderCheck(Class<?> bridge, TransformStats stats) {
    this.bridge = bridge;
    this.stats = stats;
  }

  /**
   * @param className the class about to be woven, named in the one warning per loader
   */
  boolean canWeaveInto(ClassLoader loader, String className) {
    synchronized (answers) {
      Boolean known = answers.get(loader);
      if (known != null) {
        return known;
      }
    }
    boolean ok = loader.getResource(HANDOFF) != null && seesOurBridge(loader);
    synchronized (answers) {
      if (answers.put(loader, ok) == null && !ok) {
        stats.skippedLoaders.incrementAndGet();
        LOG.warn(
            "Class loader {} cannot see the kailash-secrets api jar or the agent's bridge, so {} and"
                + " the other node classes it defines get no injected secrets. Put the"
                + " kailash-secrets api jar on its class path and let it delegate to the system"
                + " class loader.",
            loader,
            className.replace('/', '.'));
      }
    }
    return ok;
  }

  private boolean seesOurBridge(ClassLoader loader) {
    try {
      return Class.forName(bridge.getName(), false, loader) == bridge;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
