package io.kailash.secrets.internal;

import io.kailash.secrets.SecretNames;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The secret requirements configuration declares for classes by binary name, for classes that
 * cannot be annotated (a third-party node). They follow {@code @SecretRequirement}'s rules: a
 * subclass inherits them, and {@link RequirementSource} merges them with the annotations. Checked
 * when built, so a bad declaration stops the start with a message naming where it was written.
 */
public final class ConfiguredRequirements {

  private static final ConfiguredRequirements NONE = new ConfiguredRequirements(Map.of());

  private final Map<String, List<SecretRequest>> byClass;

  private ConfiguredRequirements(Map<String, List<SecretRequest>> byClass) {
    this.byClass = byClass;
  }

  public static ConfiguredRequirements none() {
    return NONE;
  }

  /**
   * @param declarations binary class name to its requirements in {@link RequirementSyntax}'s form
   * @param where how a class's declaration was written, for messages, e.g. {@code
   *     'requirements.com.acme.Node'}
   * @throws SecretsConfigurationException naming the declaration and what is wrong
   */
  public static ConfiguredRequirements parse(
      Map<String, String> declarations, Function<String, String> where) {
    Map<String, List<SecretRequest>> byClass = new LinkedHashMap<>();
    for (Map.Entry<String, String> declaration : declarations.entrySet()) {
      String className = declaration.getKey();
      checkClassName(className, where);
      try {
        byClass.put(className, RequirementSyntax.parse(declaration.getValue()));
      } catch (IllegalArgumentException invalid) {
        throw invalid(where.apply(className), invalid.getMessage());
      }
    }
    return of(byClass, where);
  }

  /**
   * @param byClass binary class name to its requirements, in declaration order
   * @throws SecretsConfigurationException for an invalid class name or secret name, no requirement,
   *     or a parameter declared twice
   */
  public static ConfiguredRequirements of(
      Map<String, List<SecretRequest>> byClass, Function<String, String> where) {
    Map<String, List<SecretRequest>> checked = new LinkedHashMap<>();
    for (Map.Entry<String, List<SecretRequest>> declaration : byClass.entrySet()) {
      String className = declaration.getKey();
      checkClassName(className, where);
      List<SecretRequest> requests = List.copyOf(declaration.getValue());
      if (requests.isEmpty()) {
        throw invalid(where.apply(className), "it declares no requirement");
      }
      Set<String> parameters = new HashSet<>();
      for (SecretRequest request : requests) {
        String problem = SecretNames.problemWith(request.name());
        if (problem != null) {
          throw invalid(
              where.apply(className),
              "the secret name '"
                  + SecretNames.printable(request.name())
                  + "' is invalid: "
                  + problem);
        }
        if (!parameters.add(request.parameter())) {
          throw invalid(
              where.apply(className),
              "the parameter '"
                  + request.parameter()
                  + "' is declared twice; each parameter is filled by one secret only");
        }
      }
      checked.put(className, requests);
    }
    return checked.isEmpty() ? NONE : new ConfiguredRequirements(Map.copyOf(checked));
  }

  public boolean isEmpty() {
    return byClass.isEmpty();
  }

  /** The configured classes' binary names. */
  public Set<String> classNames() {
    return byClass.keySet();
  }

  /** What configuration declares for the class named {@code binaryName} itself; may be empty. */
  public List<SecretRequest> forClass(String binaryName) {
    return byClass.getOrDefault(binaryName, List.of());
  }

  /** What configuration declares for {@code type} itself (by name, in any class loader). */
  public List<SecretRequest> declaredOn(Class<?> type) {
    return forClass(type.getName());
  }

  private static void checkClassName(String className, Function<String, String> where) {
    String problem = RequirementSyntax.problemWithClassName(className);
    if (problem != null) {
      throw invalid(where.apply(className), problem);
    }
  }

  private static SecretsConfigurationException invalid(String where, String problem) {
    return new SecretsConfigurationException(
        "Invalid secret requirements in " + SecretNames.printable(where) + ": " + problem + ".");
  }
}
