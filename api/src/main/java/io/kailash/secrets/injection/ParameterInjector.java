package io.kailash.secrets.injection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds the parameters a node runs with from the caller's parameters and the node's resolved
 * secrets: the one piece of injection logic that {@code LocalRuntime} and the agent share.
 */
public final class ParameterInjector {

  private ParameterInjector() {}

  /**
   * @param nodeClass the node class whose requirements {@code secrets} resolves
   * @param parameters the caller's parameters, not modified
   * @param secrets declared secret parameter to value
   * @param overridden receives each caller parameter that a secret replaces (a hard-coded secret)
   * @param undeclaredPlaceholder receives each {@code {name}} that is not a declared secret
   */
  public static InjectedParameters inject(
      Class<?> nodeClass,
      Map<String, Object> parameters,
      Map<String, String> secrets,
      Consumer<String> overridden,
      Consumer<String> undeclaredPlaceholder) {
    Map<String, Object> injected = new LinkedHashMap<>(secrets);
    for (String parameter : secrets.keySet()) {
      if (parameters.containsKey(parameter)) {
        overridden.accept(parameter);
      }
    }
    injected.putAll(PlaceholderFiller.fill(parameters, secrets, undeclaredPlaceholder));
    return new InjectedParameters(parameters, injected, nodeClass);
  }
}
