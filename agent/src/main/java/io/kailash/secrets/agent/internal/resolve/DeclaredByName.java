package io.kailash.secrets.agent.internal.resolve;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;

/**
 * Whether a node class itself declares a secret, read from its annotations by type name.
 *
 * <p>The node's {@code @SecretRequirement} is the application's annotation type, which the agent's
 * isolated copy of the api cannot name: {@code getDeclaredAnnotationsByType} with our copy finds
 * nothing. So the annotations are recognised by name and their {@code name()} is read through its
 * public method (once per class and plan; the verdict is cached).
 */
final class DeclaredByName {

  private static final String REQUIREMENT = "io.kailash.secrets.SecretRequirement";
  private static final String CONTAINER = "io.kailash.secrets.SecretRequirements";

  private DeclaredByName() {}

  /**
   * @return whether {@code type} carries a requirement for {@code declaredName}; false if the
   *     annotations cannot be read (which can only narrow what the policy allows)
   */
  static boolean declares(Class<?> type, String declaredName) {
    for (Annotation annotation : type.getDeclaredAnnotations()) {
      String kind = annotation.annotationType().getName();
      if (kind.equals(REQUIREMENT) && declaredName.equals(member(annotation, "name"))) {
        return true;
      }
      if (kind.equals(CONTAINER) && member(annotation, "value") instanceof Annotation[] repeated) {
        for (Annotation requirement : repeated) {
          if (declaredName.equals(member(requirement, "name"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Object member(Annotation annotation, String name) {
    try {
      return annotation.annotationType().getMethod(name).invoke(annotation);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }
}
