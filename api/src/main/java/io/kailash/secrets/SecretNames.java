package io.kailash.secrets;

/**
 * Checks secret names before any provider turns them into a variable name, a URL path or an AWS
 * secret id.
 *
 * <p>A name is one or more {@code /}-separated segments, optionally followed by {@code #field}.
 * Rejected, before any request is made: empty names, a leading or trailing {@code /}, empty
 * segments, {@code .} and {@code ..} segments, backslashes and control characters. The error names
 * the offending name (names are not secret) and what would be accepted.
 */
public final class SecretNames {

  private SecretNames() {}

  /**
   * @param name the secret name to check
   * @param provider the provider asking, named in the error
   * @return {@code name}, unchanged
   * @throws SecretBackendException with {@link SecretBackendException.Reason#INVALID_REQUEST}
   */
  public static String requireValid(String name, String provider) {
    String problem = problemWith(name);
    if (problem != null) {
      throw new SecretBackendException(
          provider,
          printable(name),
          SecretBackendException.Reason.INVALID_REQUEST,
          "invalid secret name: "
              + problem
              + ". Use '/'-separated segments of letters, digits, '-', '_' or '.', e.g."
              + " 'payments/api-token' or 'db/creds#password'.");
    }
    return name;
  }

  /** Why {@code name} is not a valid secret name, or {@code null} if it is. */
  public static String problemWith(String name) {
    if (name == null || name.isEmpty()) {
      return "it is empty";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        return "it contains a control character at index " + i;
      }
      if (c == '\\') {
        return "it contains a backslash";
      }
    }
    int hash = name.indexOf('#');
    String path = hash < 0 ? name : name.substring(0, hash);
    if (hash >= 0 && (hash == name.length() - 1 || name.indexOf('#', hash + 1) >= 0)) {
      return "'#' must be followed by exactly one field name";
    }
    if (path.isEmpty()) {
      return "the path before '#' is empty";
    }
    if (path.startsWith("/")) {
      return "it starts with '/' (absolute paths are not allowed)";
    }
    if (path.endsWith("/")) {
      return "it ends with '/'";
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty()) {
        return "it has an empty segment ('//')";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "it has a '" + segment + "' segment (path traversal is not allowed)";
      }
    }
    return null;
  }

  /** The name with control characters escaped, safe to put into a message. */
  public static String printable(String name) {
    if (name == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
