package io.kailash.secrets.internal;

import io.kailash.secrets.SecretNames;
import io.kailash.secrets.SecretRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text form of the requirements configuration declares for a class it cannot annotate (agent
 * key {@code requirements.<class>}, {@code LocalRuntime.builder().requirements(...)}):
 *
 * <pre>{@code
 * jwt-signing-key -> secret_key, api-token -> api_token (optional), db-password@v2 -> password
 * }</pre>
 *
 * <p>Each comma-separated entry is {@code <secret>[@<version>] -> <parameter> [(optional)]}: the
 * four members of {@code @SecretRequirement}. Problems are reported with what was written and the
 * form expected; a secret name is checked like a provider would ({@link SecretNames}).
 */
public final class RequirementSyntax {

  /** The form of one entry, for messages and documentation. */
  public static final String FORM = "<secret>[@<version>] -> <parameter> [(optional)]";

  private static final String EXAMPLE =
      "e.g. 'jwt-signing-key -> secret_key, api-token@v2 -> api_token (optional)'";

  /** As placeholders name them ({@code {api_token}}), so a configured secret can fill one. */
  private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.:+=/-]+");

  private RequirementSyntax() {}

  /**
   * @return the requirements in the order written; never empty
   * @throws IllegalArgumentException saying which entry is wrong and how to write it
   */
  public static List<SecretRequest> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "it declares no requirement; write one or more comma-separated " + FORM + ", " + EXAMPLE);
    }
    List<SecretRequest> requests = new ArrayList<>();
    Set<String> parameters = new HashSet<>();
    for (String entry : text.split(",", -1)) {
      SecretRequest request = entry(entry.strip());
      if (!parameters.add(request.parameter())) {
        throw new IllegalArgumentException(
            "the parameter '"
                + request.parameter()
                + "' is declared twice; each parameter is filled by one secret only");
      }
      requests.add(request);
    }
    return List.copyOf(requests);
  }

  private static SecretRequest entry(String entry) {
    if (entry.isEmpty()) {
      throw new IllegalArgumentException(
          "it has an empty entry (two commas, or one at an end); write " + FORM + ", " + EXAMPLE);
    }
    int arrow = entry.indexOf("->");
    if (arrow < 0 || entry.indexOf("->", arrow + 2) >= 0) {
      throw invalid(entry, "it needs exactly one '->' between the secret and the parameter");
    }
    String secret = entry.substring(0, arrow).strip();
    String target = entry.substring(arrow + 2).strip();
    boolean optional = false;
    int open = target.indexOf('(');
    if (open >= 0) {
      String option = target.substring(open).strip();
      if (!option.replaceAll("\\s+", "").equals("(optional)")) {
        throw invalid(entry, "'" + option + "' is not an option; the only one is '(optional)'");
      }
      optional = true;
      target = target.substring(0, open).strip();
    }
    if (!PARAMETER.matcher(target).matches()) {
      throw invalid(
          entry,
          target.isEmpty()
              ? "the parameter is missing after '->'"
              : "'"
                  + printable(target)
                  + "' is not a parameter name (a letter or '_', then letters, digits, '_', '.'"
                  + " or '-')");
    }
    String version = "";
    int at = secret.indexOf('@');
    if (at >= 0) {
      version = secret.substring(at + 1);
      secret = secret.substring(0, at);
      if (!VERSION.matcher(version).matches()) {
        throw invalid(
            entry,
            "'"
                + printable(version)
                + "' is not a version (letters, digits and '_.:+=/-', e.g. 'v2', 'AWSPREVIOUS')");
      }
    }
    String problem =
        secret.chars().anyMatch(Character::isWhitespace) ? "it contains a space" : null;
    problem = problem != null ? problem : SecretNames.problemWith(secret);
    if (problem != null) {
      throw invalid(
          entry,
          "the secret name '"
              + printable(secret)
              + "' is invalid: "
              + problem
              + " (use '/'-separated segments such as 'payments/api-token' or 'db/creds#password')");
    }
    return new SecretRequest(secret, target, optional, version);
  }

  /**
   * Why {@code name} is not a binary class name ({@code com.acme.Outer$Inner}), or {@code null}.
   */
  public static String problemWithClassName(String name) {
    if (name == null || name.isEmpty()) {
      return "the class name is empty";
    }
    boolean atStart = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' && !atStart) {
        atStart = true;
      } else if (!Character.isISOControl(c)
          && (atStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c))) {
        atStart = false;
      } else {
        return "'"
            + printable(name)
            + "' is not a binary class name (Java identifiers separated by '.', a nested class"
            + " as Outer$Inner, e.g. com.acme.ThirdPartyNode)";
      }
    }
    return atStart
        ? "'" + printable(name) + "' is not a binary class name (it ends with '.')"
        : null;
  }

  private static IllegalArgumentException invalid(String entry, String why) {
    return new IllegalArgumentException(
        "the entry '"
            + printable(entry)
            + "' is invalid: "
            + why
            + "; write "
            + FORM
            + ", "
            + EXAMPLE);
  }

  private static String printable(String text) {
    return SecretNames.printable(text);
  }
}
