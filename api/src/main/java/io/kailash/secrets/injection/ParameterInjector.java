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
 * <p>It runs on every node call under the agent. For a map that is not {@link NodeInputs} (a direct
 * {@code node.run} call) its work depends only on the node's declared secrets, not on the other
 * parameters, and it allocates only the {@link InjectedParameters} view.
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
    if (parameters.isEmpty()) {
      NodeInputs.recordInjected(parameters, secrets.values());
      return new InjectedParameters(parameters, castSecrets(secrets), nodeClass);
    }
    // forEach, not entrySet(): immutable maps allocate an entry per element while iterating. A
    // class, not a lambda: the first lambda's bootstrap costs milliseconds of the first node call.
    secrets.forEach(new OverrideCheck(parameters, nodeClass, listener));
    if (!(parameters instanceof NodeInputs)) {
      // A direct call: O(secrets). Nothing of the caller's map is read here; its SecretTemplate
      // values are filled when read, its shape checked when walked (InjectedParameters).
      return new InjectedParameters(parameters, castSecrets(secrets), nodeClass, listener);
    }
    // LocalRuntime's inputs learn what was injected, so the runtime masks it, agent or not; their
    // author templates are filled now, so undeclared placeholders are reported before the run.
    NodeInputs.recordInjected(parameters, secrets.values());
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
