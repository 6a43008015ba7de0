package io.kailash.secrets.agent.internal.transform;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Answers the guard woven into the application's {@code AgentHandoff}: for a node class that
 * declares secrets, was the {@code run(Map)} it executes woven? If not, the reason, which {@code
 * Node}'s constructor turns into a {@code SecretBackendException}. Asked once per class (the
 * application side caches the answer in a {@code ClassValue}), so its cost is off the warm path.
 */
final class NodeGuard {

  private final String baseType;
  private final String method;
  private final WovenClasses woven;

  /**
   * @param baseType binary name of the configured base type, e.g. {@code io.kailash.workflow.Node}
   */
  NodeGuard(String baseType, String method, WovenClasses woven) {
    this.baseType = baseType;
    this.method = method;
    this.woven = woven;
  }

  /** {@code null} when {@code nodeClass} runs woven code, otherwise why it does not. */
  String verdict(Class<?> nodeClass) {
    if (""
        .equals(woven.outcome(nodeClass.getClassLoader(), nodeClass.getName().replace('.', '/')))) {
      // Woven, so it declares the run(Map) its instances execute: no reflection needed (issue 16:
      // getDeclaredMethods cost kilobytes and microseconds per node class).
      return null;
    }
    if (!extendsBaseType(nodeClass)) {
      return "not instrumented: it is not a subclass of the configured instrument.base-type "
          + baseType;
    }
    Class<?> declaring = declaringClassOfRun(nodeClass);
    if (declaring == null) {
      return "no concrete " + method + "(Map) was found to instrument";
    }
    String internalName = declaring.getName().replace('.', '/');
    String outcome = woven.outcome(declaring.getClassLoader(), internalName);
    if (outcome != null && outcome.isEmpty()) {
      return null;
    }
    String where =
        declaring == nodeClass
            ? ""
            : " (its " + method + " is inherited from " + declaring.getName() + ")";
    return "not instrumented: " + reason(declaring, outcome) + where;
  }

  private String reason(Class<?> declaring, String outcome) {
    if (outcome != null) {
      return outcome;
    }
    if (declaring.isHidden()) {
      return "hidden class (the JVM does not offer hidden classes to agents)";
    }
    ClassLoader loader = declaring.getClassLoader();
    if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
      return "defined by the bootstrap or platform class loader, which the agent does not weave";
    }
    if (IgnoredNames.isIgnored(declaring.getName().replace('.', '/'))) {
      return "its package is on the agent's ignored-library list";
    }
    if (!extendsBaseType(declaring)) {
      return "it is not a subclass of the configured instrument.base-type " + baseType;
    }
    return "the agent never saw its class file (loaded before the agent and not retransformable)";
  }

  private boolean extendsBaseType(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(baseType)) {
        return true;
      }
      for (Class<?> implemented : c.getInterfaces()) {
        if (extendsBaseType(implemented)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The class whose {@code run(Map)} a call on an instance of {@code type} executes. */
  private Class<?> declaringClassOfRun(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method candidate : c.getDeclaredMethods()) {
        int modifiers = candidate.getModifiers();
        if (candidate.getName().equals(method)
            && candidate.getParameterCount() == 1
            && candidate.getParameterTypes()[0] == Map.class
            && !candidate.isBridge()
            && !Modifier.isStatic(modifiers)
            && !Modifier.isAbstract(modifiers)) {
          return c;
        }
      }
    }
    return null;
  }
}
