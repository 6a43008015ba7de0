package io.kailash.secrets.internal;

/**
 * The one way text chosen by a backend (an error string, a redirect's target, a field name, a
 * service's error message) enters our messages and logs: control, format and line-separator
 * characters become spaces, runs of spaces collapse, and the result is cut at {@value #MAX_LENGTH}
 * characters. So a backend cannot forge log lines, hide text with bidirectional overrides, or flood
 * a message.
 *
 * <p>It does not make a value safe to print: a response body is never quoted at all, sanitized or
 * not, because it may hold a secret. Quote only text that is an error description or a name.
 */
public final class UntrustedText {

  /** The most characters of backend text a message carries. */
  public static final int MAX_LENGTH = 200;

  private UntrustedText() {}

  /** {@code text} made safe to quote in a message or log line; {@code ""} for null. */
  public static String quote(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 3));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      boolean blank = Character.isWhitespace(c) || isUnsafe(c);
      if (blank) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    if (out.length() >= MAX_LENGTH && text.length() > MAX_LENGTH) {
      out.setLength(MAX_LENGTH);
      out.append("...");
    }
    return out.toString();
  }

  /** Whether {@code text} holds a character {@link #quote} would remove. */
  public static boolean hasUnsafeCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isUnsafe(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnsafe(char c) {
    if (Character.isISOControl(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.FORMAT // bidirectional overrides, zero-width characters
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
