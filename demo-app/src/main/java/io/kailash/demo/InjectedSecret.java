package io.kailash.demo;

import java.util.Map;

/** Reads a secret parameter a node declared, failing clearly when nothing injected it. */
final class InjectedSecret {

  private InjectedSecret() {}

  /**
   * @throws SecretNotInjectedException if {@code inputs} lack {@code parameter}
   */
  static String require(Map<String, Object> inputs, String parameter, Class<?> nodeClass) {
    Object value = inputs.get(parameter);
    if (!(value instanceof String text) || text.isEmpty()) {
      throw new SecretNotInjectedException(nodeClass, parameter);
    }
    return text;
  }

  /** A node ran without its secret: neither the agent nor the runtime's provider injected it. */
  static final class SecretNotInjectedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SecretNotInjectedException(Class<?> nodeClass, String parameter) {
      super(
          nodeClass.getSimpleName()
              + " ran without its secret parameter '"
              + parameter
              + "': start the JVM with the kailash-secrets agent, or give LocalRuntime a"
              + " SecretProvider.");
    }
  }
}
