package io.kailash.secrets.agent.bridge;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The one call target of the advice woven into node classes: a dispatcher that the agent fills in.
 *
 * <p>It lives at the top of the agent jar, which the JVM puts on the system class path, so every
 * application class loader that delegates to the system loader sees it. The implementation behind
 * it lives in the agent's isolated class loader; only JDK types cross between them (raphw's "lean
 * and generic dispatcher", https://github.com/raphw/byte-buddy/issues/270).
 *
 * <p>It never throws: a fault that escapes the implementation goes to the installed fault handler,
 * which logs it (no values) and answers according to {@code on-internal-error} ({@code fail}: a
 * backend failure with reason {@code INTERNAL}; {@code proceed}: run the node without secrets).
 * When even that is impossible it answers nothing, which fails the node closed. The answers' one
 * keyed, versioned form is {@code io.kailash.secrets.injection.AgentProtocol}; the bridge only
 * passes them on.
 */
public final class SecretsBridge {

  private static volatile Installed installed;

  private SecretsBridge() {}

  /**
   * Installs the implementation, once: a second call (a second agent, or application code) is
   * refused, so what answers the woven code cannot be replaced after the agent started.
   *
   * @param implementation node to answer; when it is also a {@code ClassValue<String>}, that is the
   *     guard {@link #verdict} asks ({@code ""}: accepted)
   * @param faultHandler logs a throwable the implementation let escape and returns the answer
   * @return whether this call installed it
   */
  public static synchronized boolean install(
      Function<Object, Object> implementation, Function<Throwable, Object> faultHandler) {
    if (installed != null) {
      return false;
    }
    installed = new Installed(implementation, faultHandler);
    return true;
  }

  /**
   * Whether {@code nodeClass} declares secrets, as the agent read its class files: 1 yes (or
   * invalidly, which its resolution reports), 0 no, -1 unknown (then the application's {@code
   * AgentHandoff} reads the annotations itself). Called once per node class, so the application
   * side does not parse annotations by reflection. Never throws.
   */
  @SuppressWarnings("unchecked")
  public static int declaresSecrets(Class<?> nodeClass) {
    Installed current = installed;
    if (current == null || !(current.implementation instanceof ToIntFunction<?> declared)) {
      return -1;
    }
    try {
      return ((ToIntFunction<Class<?>>) declared).applyAsInt(nodeClass);
    } catch (Throwable fault) {
      return -1; // the application side reads the annotations and fails closed as ever
    }
  }

  /**
   * Why the agent did not instrument {@code nodeClass}'s run method, or {@code null} when it did.
   * Called once per node class that declares secrets, from {@code Node}'s constructor. Never
   * throws: a fault answers with a refusal, so the node fails closed.
   */
  public static String verdict(Class<?> nodeClass) {
    Installed current = installed;
    if (current == null || !(current.implementation instanceof ClassValue<?> guard)) {
      return "the kailash-secrets agent is not initialised";
    }
    try {
      Object refusal = guard.get(nodeClass);
      return "".equals(refusal) ? null : (String) refusal;
    } catch (Throwable fault) {
      return "the agent could not check it (" + fault.getClass().getName() + ")";
    }
  }

  /**
   * Resolves the secrets of {@code node}'s class, as the agent derived them from the class; the
   * agent answers only for classes it wove. See {@code io.kailash.secrets.injection.AgentProtocol}
   * for the answer; {@code null} means no answer and fails the node closed.
   */
  public static Object resolve(Object node) {
    Installed current = installed;
    if (current == null) {
      return null;
    }
    try {
      return current.implementation.apply(node);
    } catch (Throwable fault) {
      return onFault(current, fault);
    }
  }

  /**
   * A workflow run starts: {@code secretRefs} ({@code name, version} pairs) are every secret its
   * nodes declare. The agent loads them ahead, in one batch, when it has a cache to put them in.
   * Never throws: a failure here is reported when a node asks for the secret.
   */
  @SuppressWarnings("unchecked")
  public static void beforeRun(String[] secretRefs) {
    Installed current = installed;
    if (current != null && current.implementation instanceof Consumer<?> prefetcher) {
      try {
        ((Consumer<String[]>) prefetcher).accept(secretRefs);
      } catch (Throwable ignored) {
        // The node that needs the secret resolves it again and reports what is wrong.
      }
    }
  }

  /**
   * A node of a {@code LocalRuntime} run starts on this thread ({@code {runId, nodeId}}) or has
   * returned ({@code null}): the agent names them in its audit records. Never throws.
   */
  @SuppressWarnings("unchecked")
  public static void nodeStarting(String[] runAndNode) {
    Installed current = installed;
    if (current != null && current.implementation instanceof BiConsumer<?, ?> context) {
      try {
        boolean known = runAndNode != null && runAndNode.length == 2;
        ((BiConsumer<String, String>) context)
            .accept(known ? runAndNode[0] : null, known ? runAndNode[1] : null);
      } catch (Throwable ignored) {
        // Only the audit record's run and node id are lost.
      }
    }
  }

  private static Object onFault(Installed current, Throwable fault) {
    try {
      return current.faultHandler.apply(fault);
    } catch (Throwable handlerFault) {
      // The handler logs through the agent's logger; if even that fails there is nowhere left to
      // report to: no answer, which the woven code turns into a failure (fail closed).
      return null;
    }
  }

  private record Installed(
      Function<Object, Object> implementation, Function<Throwable, Object> faultHandler) {}
}
