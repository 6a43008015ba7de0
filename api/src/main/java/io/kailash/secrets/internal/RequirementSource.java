package io.kailash.secrets.internal;

import io.kailash.secrets.SecretRequest;
import java.util.List;

/**
 * The one place the library path computes a node class's requirements from: its {@code
 * SecretRequirement} annotations ({@link NodeSecretRequirements}) and the requirements
 * configuration declares for classes by name ({@link ConfiguredRequirements}), merged with the
 * annotation's rules (inheritance, a parameter declared once). Results are cached per class.
 */
public final class RequirementSource {

  private static final RequirementSource ANNOTATIONS_ONLY =
      new RequirementSource(ConfiguredRequirements.none());

  private final ConfiguredRequirements configured;
  private final ClassValue<List<SecretRequest>> merged =
      new ClassValue<>() {
        @Override
        protected List<SecretRequest> computeValue(Class<?> type) {
          return NodeSecretRequirements.collect(
              type, NodeSecretRequirements::declaredOn, configured::declaredOn);
        }
      };

  private RequirementSource(ConfiguredRequirements configured) {
    this.configured = configured;
  }

  /** Annotations alone: what a runtime without configured requirements uses. */
  public static RequirementSource annotationsOnly() {
    return ANNOTATIONS_ONLY;
  }

  public static RequirementSource with(ConfiguredRequirements configured) {
    return configured.isEmpty() ? ANNOTATIONS_ONLY : new RequirementSource(configured);
  }

  /**
   * The requirements of {@code nodeClass}; empty if it declares none.
   *
   * @throws IllegalStateException naming the class if a declaration is invalid or configuration and
   *     annotations declare the same parameter
   */
  public List<SecretRequest> of(Class<?> nodeClass) {
    return configured.isEmpty() ? NodeSecretRequirements.of(nodeClass) : merged.get(nodeClass);
  }

  /**
   * Whether {@code type} itself (not by inheritance) declares {@code declaredName}, by annotation
   * or configuration: the secret policy's inheritance rule counts such a superclass.
   */
  public boolean declares(Class<?> type, String declaredName) {
    for (SecretRequest request : NodeSecretRequirements.declaredOn(type)) {
      if (request.name().equals(declaredName)) {
        return true;
      }
    }
    for (SecretRequest request : configured.declaredOn(type)) {
      if (request.name().equals(declaredName)) {
        return true;
      }
    }
    return false;
  }
}
