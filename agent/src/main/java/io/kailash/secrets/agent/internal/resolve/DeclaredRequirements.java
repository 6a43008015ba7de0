package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.agent.internal.transform.ClassFileDeclarations;
import io.kailash.secrets.agent.internal.transform.DeclaredSecret;
import io.kailash.secrets.internal.ConfiguredRequirements;
import io.kailash.secrets.internal.NodeSecretRequirements;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A node class's requirements as the agent itself reads them from the class's
 * {@code @SecretRequirement} annotations and from its configuration ({@code requirements.<class>},
 * {@link ConfiguredRequirements}), merged with the api's rules ({@link
 * NodeSecretRequirements#collect}), so that nothing the application hands over decides what is
 * resolved. This is the agent's one seam for a class's requirements: the annotation reader below
 * may change, the configured requirements are merged here.
 *
 * <p>Each class's own declarations come from its class file as the transformer read it ({@link
 * ClassFileDeclarations}); only a class whose class file the agent never saw is read by reflection.
 * Not cached here: the resolver keeps the result in its per-class plan.
 *
 * <p>why reflection there: the annotation type is the application's ({@code io.kailash.secrets} in
 * the node's class loader), which the agent's isolated loader cannot name; its four members are
 * read through {@link Method#invoke}.
 */
final class DeclaredRequirements implements Function<Class<?>, List<SecretRequest>> {

  private static final String ANNOTATION = "io.kailash.secrets.SecretRequirement";

  private final Function<Class<?>, List<DeclaredSecret>> classFiles;
  private final ConfiguredOn configuredOn;

  /**
   * @param classFiles a class's own declarations as read from its class file, {@code null} when not
   *     read
   * @param configured the requirements configuration declares for classes by name
   */
  DeclaredRequirements(
      Function<Class<?>, List<DeclaredSecret>> classFiles, ConfiguredRequirements configured) {
    this.classFiles = classFiles;
    this.configuredOn = new ConfiguredOn(configured);
  }

  /**
   * @throws IllegalStateException naming the class if a declaration is invalid
   */
  List<SecretRequest> of(Class<?> nodeClass) {
    return NodeSecretRequirements.collect(nodeClass, this, configuredOn);
  }

  /** What {@code c} itself declares (a class, not a lambda: none on the first node call). */
  @Override
  public List<SecretRequest> apply(Class<?> c) {
    List<DeclaredSecret> fromClassFile = classFiles.apply(c);
    if (fromClassFile == null) {
      return declaredOn(c);
    }
    List<SecretRequest> declared = new ArrayList<>(fromClassFile.size());
    for (DeclaredSecret secret : fromClassFile) {
      try {
        declared.add(
            new SecretRequest(
                secret.name(), secret.parameter(), secret.optional(), secret.version()));
      } catch (IllegalArgumentException invalid) {
        throw new IllegalStateException(
            c.getName() + " has an invalid @SecretRequirement: " + invalid.getMessage(), invalid);
      }
    }
    return declared;
  }

  /**
   * Whether {@code type} itself declares {@code declaredName}, by annotation or configuration (the
   * secret policy's inheritance rule: a superclass counts only if it declares the secret).
   */
  boolean declares(Class<?> type, String declaredName) {
    for (SecretRequest request : apply(type)) {
      if (request.name().equals(declaredName)) {
        return true;
      }
    }
    for (SecretRequest request : configuredOn.apply(type)) {
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

  /** What configuration declares for one class (a class, not a method reference: see apply). */
  private static final class ConfiguredOn implements Function<Class<?>, List<SecretRequest>> {
    private final ConfiguredRequirements configured;

    ConfiguredOn(ConfiguredRequirements configured) {
      this.configured = configured;
    }

    @Override
    public List<SecretRequest> apply(Class<?> c) {
      return configured.declaredOn(c);
    }
  }
}
