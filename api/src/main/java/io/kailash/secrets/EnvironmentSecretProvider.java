package io.kailash.secrets;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads secrets from environment variables: {@code jwt-signing-key} is {@code
 * KAILASH_SECRET_JWT_SIGNING_KEY}.
 *
 * <p>The mapping: the prefix, then the name in upper case with every character that is not an ASCII
 * letter or digit replaced by {@code _}; a version adds {@code __} and the version mapped the same
 * way ({@code api-key} version {@code v1} is {@code KAILASH_SECRET_API_KEY__V1}). There is no
 * fallback to the unprefixed variable: {@code getSecret("path")} never reads {@code $PATH}.
 *
 * <p>The mapping is lossy: {@code a.b}, {@code a-b}, {@code a_b}, {@code a/b} and {@code A-B} all
 * read the same variable. {@link #listSecrets()} returns the canonical form, lower case with {@code
 * -} ({@code jwt-signing-key}), which reads back the same variable. Because {@code __} separates
 * the version, names and versions that would map to a {@code __} (such as {@code a--b}) or a name
 * ending in a separator are rejected. A variable that is set but empty counts as absent.
 */
public final class EnvironmentSecretProvider implements SecretProvider {

  /** The prefix used by {@link #EnvironmentSecretProvider()}. */
  public static final String DEFAULT_PREFIX = "KAILASH_SECRET_";

  private static final String VERSION_SEPARATOR = "__";

  /** Beyond this many names, variable names are computed per call instead of remembered. */
  private static final int MAX_REMEMBERED_NAMES = 1024;

  private final String prefix;
  private final Map<String, String> environment;
  private final Map<String, String> currentVariables = new ConcurrentHashMap<>();

  /** Reads {@code KAILASH_SECRET_*} variables of this process. */
  public EnvironmentSecretProvider() {
    this(DEFAULT_PREFIX);
  }

  /** Reads {@code <prefix>*} variables of this process. */
  public EnvironmentSecretProvider(String prefix) {
    this(prefix, variablesStartingWith(prefix, System.getenv()));
  }

  /**
   * Reads {@code <prefix>*} entries of {@code environment}, a map of variable to value; tests pass
   * a map of their own instead of changing the process environment.
   *
   * @throws IllegalArgumentException if the prefix is empty or has characters other than ASCII
   *     letters, digits and {@code _}
   */
  public EnvironmentSecretProvider(String prefix, Map<String, String> environment) {
    if (!isValidPrefix(prefix)) {
      throw new IllegalArgumentException(
          "Invalid environment prefix '"
              + SecretNames.printable(prefix)
              + "': use ASCII letters, digits and '_', e.g. KAILASH_SECRET_. A prefix is required"
              + " so that a secret name can never read an unrelated variable such as PATH.");
    }
    this.prefix = prefix;
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public String name() {
    return "env";
  }

  @Override
  public String getSecret(String name, String version) {
    String variable =
        version == null || version.isEmpty()
            ? currentVariableFor(name)
            : variableFor(name, version);
    String value = environment.get(variable);
    if (value == null || value.isEmpty()) {
      throw new SecretNotFoundException(
          new SecretRef(name, version),
          name(),
          "environment variable " + variable + (value == null ? " is not set" : " is empty"));
    }
    return value;
  }

  /**
   * The variable that holds {@code name} at {@code version} (null or empty for the current one).
   *
   * @throws SecretBackendException with reason {@code INVALID_REQUEST} for an invalid or ambiguous
   *     name or version
   */
  public String variableFor(String name, String version) {
    SecretNames.requireValid(name, name());
    String mappedName = normalise(name);
    String variable = prefix + mappedName;
    if (mappedName.contains(VERSION_SEPARATOR) || mappedName.endsWith("_")) {
      throw ambiguous(name, "its variable " + variable + " would contain '__' or end with '_'");
    }
    if (version == null || version.isEmpty()) {
      return variable;
    }
    String mappedVersion = normalise(version);
    if (mappedVersion.contains(VERSION_SEPARATOR)) {
      throw ambiguous(name, "version '" + SecretNames.printable(version) + "' would contain '__'");
    }
    return variable + VERSION_SEPARATOR + mappedVersion;
  }

  /**
   * The variable of the current version of {@code name}, remembered: under the agent this runs on
   * every node call, and the mapping allocates.
   */
  private String currentVariableFor(String name) {
    String variable = currentVariables.get(name);
    if (variable == null) {
      variable = variableFor(name, "");
      if (currentVariables.size() < MAX_REMEMBERED_NAMES) {
        currentVariables.put(name, variable);
      }
    }
    return variable;
  }

  /**
   * A copy of the process environment's {@code <prefix>*} variables: the JVM's environment never
   * changes, and {@code System.getenv().get} allocates a lookup key on every call.
   */
  private static Map<String, String> variablesStartingWith(
      String prefix, Map<String, String> environment) {
    Map<String, String> prefixed = new HashMap<>();
    // A plain loop, no lambda: this runs in the agent's premain, where a first lambda costs
    // milliseconds of start-up.
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      if (prefix != null && variable.getKey().startsWith(prefix)) {
        prefixed.put(variable.getKey(), variable.getValue());
      }
    }
    return Collections.unmodifiableMap(prefixed);
  }

  /** ASCII letters, digits and {@code _}; checked by hand, not by a regex, for start-up's sake. */
  private static boolean isValidPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The secrets set in the environment, canonical (lower case, {@code -}), sorted, once each. */
  @Override
  public List<String> listSecrets() {
    TreeSet<String> names = new TreeSet<>();
    for (String variable : environment.keySet()) {
      if (!variable.startsWith(prefix) || variable.length() == prefix.length()) {
        continue;
      }
      String rest = variable.substring(prefix.length());
      if (!rest.matches("[A-Z0-9_]+")) {
        continue; // lower-case letters cannot be read back through the mapping
      }
      int version = rest.indexOf(VERSION_SEPARATOR);
      String base = version < 0 ? rest : rest.substring(0, version);
      if (!base.isEmpty()) {
        names.add(base.toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    }
    return List.copyOf(names);
  }

  @Override
  public String toString() {
    return "EnvironmentSecretProvider[prefix=" + prefix + "]";
  }

  private static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean asciiLetterOrDigit =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      out.append(asciiLetterOrDigit ? Character.toUpperCase(c) : '_');
    }
    return out.toString();
  }

  private SecretBackendException ambiguous(String secretName, String problem) {
    return new SecretBackendException(
        name(),
        secretName,
        SecretBackendException.Reason.INVALID_REQUEST,
        "cannot map it to an environment variable: "
            + problem
            + ", and '__' is reserved for the version suffix. Use single separators, e.g."
            + " 'api-key'.");
  }
}
