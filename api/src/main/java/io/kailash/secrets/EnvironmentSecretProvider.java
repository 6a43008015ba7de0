package io.kailash.secrets;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads secrets from environment variables: {@code jwt-signing-key} is {@code
 * KAILASH_SECRET_JWT_SIGNING_KEY}.
 *
 * <p>The mapping is one-to-one, so that no name (and no tenant, see {@link TenantSecretProvider})
 * can read another's variable: the prefix, then the name in upper case with {@code -} as {@code _}
 * and {@code /} as {@code ___}; a version adds {@code __} and the version in upper case ({@code
 * api-key} version {@code v1} is {@code KAILASH_SECRET_API_KEY__V1}, {@code acme/db-password} is
 * {@code KAILASH_SECRET_ACME___DB_PASSWORD}). Only canonical names can be mapped: lower-case ASCII
 * letters and digits, a single {@code -} between them, {@code /} between segments. Any other name
 * ({@code DB_Password}, {@code a.b}, {@code a--b}, {@code name#field}) is reported absent, with a
 * detail naming the canonical form, instead of being folded onto a variable another name also
 * reads. Versions are letters and digits with single {@code -}, {@code _} or {@code .} between
 * them, case-insensitive. There is no fallback to the unprefixed variable: {@code
 * getSecret("path")} never reads {@code $PATH}. A variable that is set but empty counts as absent.
 *
 * <p>{@link #listSecrets()} maps variables back: {@code KAILASH_SECRET_ACME___DB_PASSWORD__V2} is
 * {@code acme/db-password}; variables that no canonical name maps to are not listed.
 */
public final class EnvironmentSecretProvider implements SecretProvider {

  /** The prefix used by {@link #EnvironmentSecretProvider()}. */
  public static final String DEFAULT_PREFIX = "KAILASH_SECRET_";

  private static final String VERSION_SEPARATOR = "__";

  private static final String MAPPED_SEGMENT = "[A-Z0-9]+(?:_[A-Z0-9]+)*";

  /** Only listSecrets needs a regex: compiled on its first call, not in the agent's premain. */
  private static final class Listing {
    static final Pattern MAPPED_VARIABLE =
        Pattern.compile(
            "(" + MAPPED_SEGMENT + "(?:___" + MAPPED_SEGMENT + ")*)(?:__" + MAPPED_SEGMENT + ")?");
  }

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
    SecretNames.requireValid(name, name());
    String problem = notMappable(name, version);
    if (problem != null) {
      throw new SecretNotFoundException(new SecretRef(name, version), name(), problem);
    }
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
    String problem = notMappable(name, version);
    if (problem != null) {
      throw new SecretBackendException(
          name(), name, SecretBackendException.Reason.INVALID_REQUEST, problem);
    }
    String variable = prefix + name.toUpperCase(Locale.ROOT).replace("/", "___").replace('-', '_');
    if (version == null || version.isEmpty()) {
      return variable;
    }
    return variable
        + VERSION_SEPARATOR
        + version.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  /** Why {@code name} at {@code version} has no variable of its own; null when it has one. */
  private static String notMappable(String name, String version) {
    for (String segment : name.split("/", -1)) {
      if (!isRunOfParts(segment, false)) {
        return "the environment provider reads only canonical names (lower-case letters and"
            + " digits, a single '-' between them, '/' between segments), so that no two names"
            + " share a variable; '"
            + SecretNames.printable(name)
            + "' is not one. Use e.g. 'db-password' or 'acme/db-password'.";
      }
    }
    if (version != null && !version.isEmpty() && !isRunOfParts(version, true)) {
      return "the environment provider reads versions of letters and digits with a single '-',"
          + " '_' or '.' between them (e.g. 'v2'); '"
          + SecretNames.printable(version)
          + "' is not one.";
    }
    return null;
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

  /**
   * A canonical segment ({@code [a-z0-9]+(-[a-z0-9]+)*}) or, with {@code version}, a canonical
   * version ({@code [A-Za-z0-9]+([-_.][A-Za-z0-9]+)*}): parts joined by single separators. By hand,
   * not by a regex: it runs on a node class's first call under the agent.
   */
  private static boolean isRunOfParts(String text, boolean version) {
    boolean afterSeparator = true; // nothing yet: a separator may not come first
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean part =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (version && c >= 'A' && c <= 'Z');
      boolean separator = c == '-' || (version && (c == '_' || c == '.'));
      if (part) {
        afterSeparator = false;
      } else if (separator && !afterSeparator) {
        afterSeparator = true;
      } else {
        return false;
      }
    }
    return !afterSeparator; // not empty, and no separator last
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
      Matcher mapped = Listing.MAPPED_VARIABLE.matcher(variable.substring(prefix.length()));
      if (mapped.matches()) { // else no canonical name reads it
        names.add(mapped.group(1).toLowerCase(Locale.ROOT).replace("___", "/").replace('_', '-'));
      }
    }
    return List.copyOf(names);
  }

  @Override
  public String toString() {
    return "EnvironmentSecretProvider[prefix=" + prefix + "]";
  }
}
