package io.kailash.secrets.config;

import io.kailash.secrets.internal.UntrustedText;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The provider types that a configuration's {@code providers} key may name: every {@link
 * SecretProviderFactory} listed in a {@code
 * META-INF/services/io.kailash.secrets.config.SecretProviderFactory} file on the class path (the
 * api jar lists {@code env} and {@code files}; the {@code kailash-secrets-vault}, {@code
 * kailash-secrets-aws} and {@code kailash-secrets-aws-agent} jars list theirs; an extension lists
 * its own, see docs/extensions.md).
 */
public final class SecretProviderFactories {

  /** The types this project publishes in artifacts of their own, for the "add this jar" hint. */
  private static final Map<String, String> PUBLISHED_SEPARATELY =
      Map.of(
          "vault", "io.kailash:kailash-secrets-vault",
          "aws", "io.kailash:kailash-secrets-aws",
          "aws-agent", "io.kailash:kailash-secrets-aws-agent");

  private SecretProviderFactories() {}

  /** Every factory the api jar's own class loader can see, by type name, sorted. */
  public static Map<String, SecretProviderFactory> available() {
    return load(SecretProviderFactories.class.getClassLoader());
  }

  /**
   * Every factory that {@code loader} can see, by type name, sorted.
   *
   * @throws SecretsConfigurationException if a listed factory cannot be loaded or created, names a
   *     malformed type, or two factories claim one type
   */
  public static Map<String, SecretProviderFactory> load(ClassLoader loader) {
    Map<String, SecretProviderFactory> byType = new TreeMap<>();
    Iterator<SecretProviderFactory> found =
        ServiceLoader.load(SecretProviderFactory.class, loader).iterator();
    while (true) {
      SecretProviderFactory factory;
      try {
        if (!found.hasNext()) {
          return byType;
        }
        factory = found.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        // A listed class that is missing, not a factory, or whose constructor throws.
        throw new SecretsConfigurationException(
            "A secret provider factory listed in META-INF/services could not be loaded: "
                + UntrustedText.quote(String.valueOf(e.getMessage()))
                + ". Check the jar that lists it (and the jars it needs).");
      }
      register(byType, factory);
    }
  }

  /** The factory for {@code type} among {@link #available()}. */
  public static Optional<SecretProviderFactory> forType(String type) {
    return Optional.ofNullable(available().get(type));
  }

  /**
   * The factory for {@code type} among {@link #available()}, for code that assembles providers by
   * type name.
   *
   * @throws SecretsConfigurationException naming the artifact to add when the type is one this
   *     project publishes separately, or listing the available types otherwise
   */
  public static SecretProviderFactory require(String type) {
    Map<String, SecretProviderFactory> available = available();
    SecretProviderFactory factory = available.get(type);
    if (factory != null) {
      return factory;
    }
    throw new SecretsConfigurationException(
        "No secret provider of type '"
            + UntrustedText.quote(String.valueOf(type))
            + "' on the class path; "
            + missingArtifact(type)
                .map(artifact -> "add the dependency " + artifact + ".")
                .orElse("available: " + String.join(", ", available.keySet()) + "."));
  }

  /**
   * What to do about a type that no factory serves: for a type this project publishes separately,
   * the artifact to add; otherwise, empty.
   */
  public static Optional<String> missingArtifact(String type) {
    return Optional.ofNullable(PUBLISHED_SEPARATELY.get(type));
  }

  private static void register(
      Map<String, SecretProviderFactory> byType, SecretProviderFactory factory) {
    String type = factory.type();
    if (!isWellFormedType(type)) {
      throw new SecretsConfigurationException(
          "The secret provider factory "
              + factory.getClass().getName()
              + " names the type '"
              + UntrustedText.quote(String.valueOf(type))
              + "'; a type is 1-40 lower-case letters, digits or '-', starting with a letter.");
    }
    SecretProviderFactory earlier = byType.putIfAbsent(type, factory);
    if (earlier != null && earlier.getClass() != factory.getClass()) {
      throw new SecretsConfigurationException(
          "Two secret provider factories claim the type '"
              + type
              + "': "
              + earlier.getClass().getName()
              + " and "
              + factory.getClass().getName()
              + ". Remove one of the jars that list them.");
    }
  }

  /**
   * Whether {@code type} follows the rule for provider types, which named instances follow too:
   * 1-40 lower-case letters, digits or '-', starting with a letter. A loop, not a regex: this runs
   * in the agent's premain, where java.util.regex costs classes.
   */
  public static boolean isWellFormedType(String type) {
    if (type == null || type.isEmpty() || type.length() > 40 || !isLetter(type.charAt(0))) {
      return false;
    }
    for (int i = 1; i < type.length(); i++) {
      char c = type.charAt(i);
      if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }
}
