package io.kailash.secrets.injection;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The parameters {@code LocalRuntime} hands to a node: an ordinary mutable map that also knows
 * which entries the workflow's author wrote (the only plain strings whose {@code {placeholders}}
 * are filled) and where to report the secrets injected into the node, so that the runtime masks
 * them in results, downstream inputs and errors whether it or the agent injected them.
 *
 * <p>A map of any other type, e.g. one passed to {@code node.run} directly, has no author
 * templates: only {@link io.kailash.secrets.SecretTemplate} values are filled in it.
 */
public final class NodeInputs extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;

  private final transient Set<String> templateParameters;
  private final transient Consumer<String> injectedValues;

  /**
   * @param inputs the node's inputs, copied
   * @param templateParameters the keys whose values are the author's own {@code addNode}
   *     parameters, in which plain strings are templates
   * @param injectedValues receives every secret value injected into the node
   */
  public NodeInputs(
      Map<String, Object> inputs, Set<String> templateParameters, Consumer<String> injectedValues) {
    super(inputs);
    this.templateParameters = Set.copyOf(templateParameters);
    this.injectedValues = injectedValues;
  }

  /** The keys in which plain strings are the author's templates. */
  public Set<String> templateParameters() {
    return templateParameters;
  }

  /** The author-template keys of {@code parameters}: none unless it is a {@code NodeInputs}. */
  static Set<String> templateParametersOf(Map<String, ?> parameters) {
    return parameters instanceof NodeInputs inputs ? inputs.templateParameters : Set.of();
  }

  /**
   * Reports {@code values}, injected into a node whose parameters are {@code parameters}, to the
   * runtime that created them; nothing for any other map.
   */
  static void recordInjected(Map<String, ?> parameters, Collection<?> values) {
    if (parameters instanceof NodeInputs inputs && inputs.injectedValues != null) {
      for (Object value : values) {
        if (value instanceof String text) {
          inputs.injectedValues.accept(text);
        }
      }
    }
  }
}
