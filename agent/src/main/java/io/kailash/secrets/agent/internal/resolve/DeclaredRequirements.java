package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.internal.ConfiguredRequirements;
import io.kailash.secrets.internal.NodeSecretRequirements;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A node class's requirements as the agent itself reads them from the class's
 * {@code @SecretRequirement} annotations and from its configuration ({@code requirements.<class>},
 * {@link ConfiguredRequirements}), merged with the api's rules ({@link
 * NodeSecretRequirements#collect}), so that nothing the application hands over decides what is
 * resolved. This is the agent's one seam for a class's requirements: the annotation reader below
 * may change, the configured requirements are merged here.
 *
 * <p>why reflection: the annotation type is the application's ({@code io.kailash.secrets} in the
 * node's class loader), which the agent's isolated loader cannot name; its four members are read
 * through {@link Method#invoke}, once per class.
 */
final class DeclaredRequirements {

  private static final String ANNOTATION = "io.kailash.secrets.SecretRequirement";

  private final ConfiguredRequirements configured;

  private final ClassValue<List<SecretRequest>> cache =
      new ClassValue<>() {
        @Override
        protected List<SecretRequest> computeValue(Class<?> type) {
          return NodeSecretRequirements.collect(
              type, DeclaredRequirements::declaredOn, configured::declaredOn);
        }
      };

  DeclaredRequirements(ConfiguredRequirements configured) {
    this.configured = configured;
  }

  /**
   * @throws IllegalStateException naming the class if a declaration is invalid
   */
  List<SecretRequest> of(Class<?> nodeClass) {
    return cache.get(nodeClass);
  }

  /**
   * Whether {@code type} itself declares {@code declaredName}, by annotation or configuration (the
   * secret policy's inheritance rule: a superclass counts only if it declares the secret).
   */
  boolean declares(Class<?> type, String declaredName) {
    for (SecretRequest request : declaredOn(type)) {
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

  @SuppressWarnings("unchecked")
  private static List<SecretRequest> declaredOn(Class<?> c) {
    List<SecretRequest> declared = new ArrayList<>();
    Class<? extends Annotation> type;
    try {
      type = (Class<? extends Annotation>) Class.forName(ANNOTATION, false, c.getClassLoader());
    } catch (ClassNotFoundException | LinkageError noApi) {
      return declared; // a class whose loader has no api jar declares nothing
    }
    for (Annotation annotation : c.getDeclaredAnnotationsByType(type)) {
      try {
        declared.add(
            new SecretRequest(
                (String) member(type, "name").invoke(annotation),
                (String) member(type, "parameter").invoke(annotation),
                (Boolean) member(type, "optional").invoke(annotation),
                (String) member(type, "version").invoke(annotation)));
      } catch (IllegalArgumentException invalid) {
        throw new IllegalStateException(
            c.getName() + " has an invalid @SecretRequirement: " + invalid.getMessage(), invalid);
      } catch (ReflectiveOperationException unreadable) {
        throw new IllegalStateException(
            c.getName() + " has a @SecretRequirement the agent cannot read: " + unreadable,
            unreadable);
      }
    }
    return declared;
  }

  private static Method member(Class<?> type, String name) throws NoSuchMethodException {
    return type.getMethod(name);
  }
}
