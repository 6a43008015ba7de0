package io.kailash.secrets.internal;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.SecretRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The secret requirements of a node class: its own {@link SecretRequirement}s and those of its
 * superclasses, read once per class and cached.
 *
 * <p>Superclass requirements come first. A subclass that declares a requirement for the same
 * parameter as a superclass replaces it (so a subclass can pin a version or make it optional).
 */
public final class NodeSecretRequirements {

  private static final ClassValue<List<SecretRequest>> CACHE =
      new ClassValue<>() {
        @Override
        protected List<SecretRequest> computeValue(Class<?> type) {
          return collect(type);
        }
      };

  private NodeSecretRequirements() {}

  /**
   * The requirements of {@code nodeClass}; empty if it declares none.
   *
   * @throws IllegalStateException naming the class if a declaration is invalid (blank name or
   *     parameter, two secrets for one parameter)
   */
  public static List<SecretRequest> of(Class<?> nodeClass) {
    return CACHE.get(nodeClass);
  }

  /** A blank name or parameter is a broken declaration of the class, reported like a duplicate. */
  private static SecretRequest from(Class<?> declaring, SecretRequirement annotation) {
    try {
      return SecretRequest.from(annotation);
    } catch (IllegalArgumentException invalid) {
      throw new IllegalStateException(
          declaring.getName() + " has an invalid @SecretRequirement: " + invalid.getMessage(),
          invalid);
    }
  }

  private static List<SecretRequest> collect(Class<?> type) {
    return collect(type, NodeSecretRequirements::declaredOn);
  }

  private static List<SecretRequest> declaredOn(Class<?> c) {
    List<SecretRequest> declared = new ArrayList<>();
    for (SecretRequirement annotation : c.getDeclaredAnnotationsByType(SecretRequirement.class)) {
      declared.add(from(c, annotation));
    }
    return declared;
  }

  /**
   * The requirements of {@code type} from what each class of its hierarchy declares, with the rules
   * above. The agent calls this with a reader of the application's own annotation type.
   *
   * @param declaredOn the requirements one class declares itself, in declaration order
   * @throws IllegalStateException naming the class if a declaration is invalid
   */
  public static List<SecretRequest> collect(
      Class<?> type, Function<Class<?>, List<SecretRequest>> declaredOn) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    Map<String, SecretRequest> byParameter = new LinkedHashMap<>();
    for (Class<?> c : hierarchy) {
      Map<String, SecretRequest> declaredHere = new LinkedHashMap<>();
      for (SecretRequest request : declaredOn.apply(c)) {
        if (declaredHere.put(request.parameter(), request) != null) {
          throw new IllegalStateException(
              c.getName()
                  + " declares two @SecretRequirement for the parameter '"
                  + request.parameter()
                  + "'; each parameter can be filled by one secret only.");
        }
        byParameter.remove(request.parameter());
        byParameter.put(request.parameter(), request);
      }
    }
    return List.copyOf(byParameter.values());
  }
}
