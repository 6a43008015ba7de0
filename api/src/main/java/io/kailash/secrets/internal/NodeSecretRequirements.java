package io.kailash.secrets.internal;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.SecretRequirement;
import java.util.ArrayList;
import java.util.HashMap;
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

  /** The requirements {@code c}'s own {@link SecretRequirement} annotations declare. */
  static List<SecretRequest> declaredOn(Class<?> c) {
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
    return collect(type, declaredOn, c -> List.of());
  }

  /**
   * As {@link #collect(Class, Function)}, with the requirements configuration declares for a class
   * by name ({@link ConfiguredRequirements}) counted as that class's own, after its annotations. A
   * parameter is declared either by annotations or by configuration in one hierarchy, never by
   * both: configuration must not silently replace what the code declares, nor the reverse.
   *
   * @param annotatedOn the requirements one class's annotations declare, in declaration order
   * @param configuredOn the requirements configuration declares for one class
   * @throws IllegalStateException naming the class if a declaration is invalid or the two clash
   */
  public static List<SecretRequest> collect(
      Class<?> type,
      Function<Class<?>, List<SecretRequest>> annotatedOn,
      Function<Class<?>, List<SecretRequest>> configuredOn) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    Map<String, SecretRequest> byParameter = new LinkedHashMap<>();
    Map<String, String> annotatedBy = new HashMap<>();
    Map<String, String> configuredFor = new HashMap<>();
    for (Class<?> c : hierarchy) {
      Map<String, SecretRequest> declaredHere = new LinkedHashMap<>();
      for (SecretRequest request : annotatedOn.apply(c)) {
        String parameter = request.parameter();
        if (declaredHere.put(parameter, request) != null) {
          throw new IllegalStateException(
              c.getName()
                  + " declares two @SecretRequirement for the parameter '"
                  + parameter
                  + "'; each parameter can be filled by one secret only.");
        }
        if (configuredFor.containsKey(parameter)) {
          throw clash(c, parameter, configuredFor.get(parameter), c.getName());
        }
        annotatedBy.put(parameter, c.getName());
        byParameter.remove(parameter);
        byParameter.put(parameter, request);
      }
      for (SecretRequest request : configuredOn.apply(c)) {
        String parameter = request.parameter();
        if (annotatedBy.containsKey(parameter)) {
          throw clash(c, parameter, c.getName(), annotatedBy.get(parameter));
        }
        configuredFor.put(parameter, c.getName());
        byParameter.remove(parameter);
        byParameter.put(parameter, request);
      }
    }
    return List.copyOf(byParameter.values());
  }

  private static IllegalStateException clash(
      Class<?> at, String parameter, String configuredClass, String annotatedClass) {
    return new IllegalStateException(
        at.getName()
            + ": the secret requirements configured for "
            + configuredClass
            + " declare the parameter '"
            + parameter
            + "', which @SecretRequirement on "
            + annotatedClass
            + " declares too; each parameter can be filled by one secret only. Remove it from the"
            + " configuration (requirements."
            + configuredClass
            + ") or rename one of the parameters.");
  }
}
