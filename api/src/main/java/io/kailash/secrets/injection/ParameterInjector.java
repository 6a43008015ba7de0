package io.kailash.secrets.injection;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Builds the parameters a node runs with from the caller's parameters and the node's resolved
 * secrets: the one piece of injection logic that {@code LocalRuntime} and the agent share.
 * Placeholders are filled only in the author's templates (see {@link PlaceholderFiller}); when the
 * parameters are {@link NodeInputs}, the injected values are reported to the runtime for masking.
 *
 * <p>It runs on every node call under the agent, so the common case (no placeholder to fill)
 * allocates only the {@link InjectedParameters} view.
 */
public final class ParameterInjector {

  private ParameterInjector() {}

  /**
   * @param nodeClass the node class whose requirements {@code secrets} resolves
   * @param parameters the caller's parameters, not modified
   * @param secrets declared secret parameter to value; kept by reference, so it must not change
   * @param listener hears about overridden parameters and undeclared placeholders
   */
  public static InjectedParameters inject(
      Class<?> nodeClass,
      Map<String, Object> parameters,
      Map<String, ?> secrets,
      InjectionListener listener) {
    // LocalRuntime's inputs learn what was injected, so the runtime masks it, agent or not.
    NodeInputs.recordInjected(parameters, secrets.values());
    if (parameters.isEmpty()) {
      return new InjectedParameters(parameters, castSecrets(secrets), nodeClass);
    }
    // forEach, not entrySet(): immutable maps allocate an entry per element while iterating. A
    // class, not a lambda: the first lambda's bootstrap costs milliseconds of the first node call.
    secrets.forEach(new OverrideCheck(parameters, nodeClass, listener));
    Map<String, Object> filled = PlaceholderFiller.fill(parameters, secrets, nodeClass, listener);
    Map<String, Object> injected = castSecrets(secrets);
    if (!filled.isEmpty()) {
      injected = new HashMap<>(secrets);
      injected.putAll(filled);
    }
    return new InjectedParameters(parameters, injected, nodeClass);
  }

  /** Reports each secret parameter the caller also gave a value for. */
  private static final class OverrideCheck implements BiConsumer<String, Object> {
    private final Map<String, Object> parameters;
    private final Class<?> nodeClass;
    private final InjectionListener listener;

    OverrideCheck(Map<String, Object> parameters, Class<?> nodeClass, InjectionListener listener) {
      this.parameters = parameters;
      this.nodeClass = nodeClass;
      this.listener = listener;
    }

    @Override
    public void accept(String parameter, Object value) {
      if (parameters.containsKey(parameter)) {
        listener.overriddenParameter(nodeClass, parameter);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castSecrets(Map<String, ?> secrets) {
    return (Map<String, Object>) secrets; // read-only use: a view never writes to it
  }

  /** The same, with one callback per kind of report. */
  public static InjectedParameters inject(
      Class<?> nodeClass,
      Map<String, Object> parameters,
      Map<String, ?> secrets,
      Consumer<String> overridden,
      Consumer<String> undeclaredPlaceholder) {
    return inject(
        nodeClass,
        parameters,
        secrets,
        new InjectionListener() {
          @Override
          public void overriddenParameter(Class<?> type, String parameter) {
            overridden.accept(parameter);
          }

          @Override
          public void undeclaredPlaceholder(Class<?> type, String name) {
            undeclaredPlaceholder.accept(name);
          }
        });
  }
}
