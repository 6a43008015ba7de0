package io.kailash.secrets.agent.internal.transform;

import io.kailash.secrets.agent.internal.logging.AgentLog;
import java.io.InputStream;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Our "muzzle": the woven advice calls {@code io.kailash.secrets.injection.AgentHandoff} (the
 * application's api jar) and the agent's bridge, so a class loader's classes are only woven when it
 * sees an AgentHandoff that speaks the agent's protocol ({@link HandoffProtocol}) and sees the
 * bridge through delegation to the very class the agent filled in (a loader that does not delegate
 * to the system class loader, or has its own copy, would get a bridge with no implementation).
 * Answers are cached per loader, held weakly; each refused loader is logged once.
 */
final class LoaderCheck {

  private static final AgentLog LOG = AgentLog.of(LoaderCheck.class);
  private static final String OK = "";

  private final Class<?> bridge;
  private final TransformStats stats;
  private final Map<ClassLoader, String> answers = new WeakHashMap<>();

  LoaderCheck(Class<?> bridge, TransformStats stats) {
    this.bridge = bridge;
    this.stats = stats;
  }

  /**
   * @param className the class about to be woven, named in the one log line per refused loader
   * @return {@code null} when classes of {@code loader} can be woven, otherwise why not
   */
  String refusal(ClassLoader loader, String className) {
    synchronized (answers) {
      String known = answers.get(loader);
      if (known != null) {
        return known.isEmpty() ? null : known;
      }
    }
    return remember(loader, check(loader), className);
  }

  /**
   * The same answer for the loader that is defining AgentHandoff itself, from the bytes being
   * defined: loading it by name here would define it a second time.
   */
  String refusalForHandoff(ClassLoader loader, byte[] handoffClassFile) {
    synchronized (answers) {
      String known = answers.get(loader);
      if (known != null) {
        return known.isEmpty() ? null : known;
      }
    }
    String refusal = HandoffProtocol.mismatch(handoffClassFile);
    if (refusal == null) {
      refusal = bridgeRefusal(loader);
    }
    return remember(loader, refusal, HandoffProtocol.HANDOFF);
  }

  private String remember(ClassLoader loader, String refusal, String className) {
    synchronized (answers) {
      if (answers.put(loader, refusal == null ? OK : refusal) == null && refusal != null) {
        stats.skippedLoaders.incrementAndGet();
        LOG.error(
            "Class loader {}: {}. Node classes it defines that declare secrets, such as {}, are"
                + " refused (see docs/security.md).",
            loader,
            refusal,
            className.replace('/', '.'));
      }
    }
    return refusal;
  }

  private String check(ClassLoader loader) {
    byte[] handoff = handoffClassFile(loader);
    if (handoff == null) {
      return "it cannot see the kailash-secrets api jar";
    }
    String mismatch = HandoffProtocol.mismatch(handoff);
    return mismatch != null ? mismatch : bridgeRefusal(loader);
  }

  /**
   * AgentHandoff's class file as {@code loader} would find it. Read as a resource, never loaded: a
   * class loaded while a transformer runs is not offered to transformers (the JDK does not re-enter
   * them), so AgentHandoff would stay unarmed. A loader that offers no resources (one that defines
   * classes from bytes) is answered by its nearest ancestor that does.
   */
  private static byte[] handoffClassFile(ClassLoader loader) {
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      try (InputStream in = l.getResourceAsStream(HandoffProtocol.HANDOFF + ".class")) {
        if (in != null) {
          return in.readAllBytes();
        }
      } catch (Exception unreadable) {
        return null;
      }
    }
    return null;
  }

  private String bridgeRefusal(ClassLoader loader) {
    if (load(bridge.getName(), loader) != bridge) {
      return "it cannot see the kailash-secrets agent's bridge; let it delegate to the system class"
          + " loader";
    }
    return null;
  }

  private static String protocolMismatch(Class<?> handoff) {
    // The class file comes from AgentHandoff's own loader: the one the woven code will call.
    try (InputStream in = handoff.getResourceAsStream("AgentHandoff.class")) {
      if (in == null) {
        return "its AgentHandoff class file cannot be read to check the agent's protocol";
      }
      return HandoffProtocol.mismatch(in.readAllBytes());
    } catch (Exception e) {
      return "its AgentHandoff class file cannot be read to check the agent's protocol ("
          + e.getClass().getSimpleName()
          + ")";
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
