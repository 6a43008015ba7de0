package io.kailash.secrets.internal;

/**
 * Checks credentials (tokens, secret ids, JWTs, access keys, passwords) when they are configured or
 * read, so that a malformed one is refused with a message that names it but never shows it.
 *
 * <p>A credential with a line break or another control character (a token file with a comment line,
 * a pasted key with a trailing CR) would otherwise reach an HTTP header, and the JDK's {@code
 * IllegalArgumentException: invalid header value: "..."} quotes the whole value.
 */
public final class Credentials {

  private Credentials() {}

  /**
   * @param what what the credential is, e.g. {@code "Vault token"}, for the message
   * @return {@code value} without leading and trailing spaces
   * @throws IllegalArgumentException if it is null, blank or holds a control character; the message
   *     does not contain the value
   */
  public static String requireClean(String value, String what) {
    String problem = problemWith(value);
    if (problem != null) {
      throw new IllegalArgumentException(refusal(what, problem));
    }
    return value.strip();
  }

  /** What is wrong with {@code value} as a credential, without quoting it; null when fine. */
  public static String problemWith(String value) {
    if (value == null || value.isBlank()) {
      return "it is empty";
    }
    String stripped = value.strip();
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (c == '\n' || c == '\r') {
        return "it has a line break after character "
            + i
            + " (a credential file must hold the credential alone, without comments or further"
            + " lines)";
      }
      if (Character.isISOControl(c) || UntrustedText.hasUnsafeCharacters(String.valueOf(c))) {
        return "it has a control character at position " + i;
      }
    }
    return null;
  }

  /** The message for a refused credential: what it is and why, never its value. */
  public static String refusal(String what, String problem) {
    return what + " is not usable: " + problem + ". Its value is not shown.";
  }
}
