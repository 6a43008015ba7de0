package io.kailash.secrets.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A glob over names made of separated segments: secret names ({@code payments/db}, separator {@code
 * /}) and binary class names ({@code com.acme.Outer$Inner}, separator {@code .}). {@code *} matches
 * any run of characters within one segment, a segment that is exactly {@code **} matches zero or
 * more whole segments; everything else matches itself.
 */
final class SegmentGlob {

  private static final String ANY_SEGMENTS = "**";

  private final String text;
  private final char separator;
  private final List<Pattern> segments; // null stands for "**"

  private SegmentGlob(String text, char separator, List<Pattern> segments) {
    this.text = text;
    this.separator = separator;
    this.segments = segments;
  }

  /** A secret-name glob: {@code /}-separated segments without {@code #field}. */
  static SegmentGlob secretName(String text) {
    if (text.indexOf('#') >= 0) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' holds '#': name the secret without '#field' (the policy covers all fields)");
    }
    return parse(text, '/', "a secret name");
  }

  /** A class-name glob: binary class names ({@code Outer$Inner}), {@code .}-separated. */
  static SegmentGlob className(String text) {
    return parse(text, '.', "a binary class name");
  }

  /**
   * @throws IllegalArgumentException saying what is wrong with {@code text}
   */
  private static SegmentGlob parse(String text, char separator, String what) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an empty glob; expected " + what);
    }
    List<Pattern> segments = new ArrayList<>();
    for (String segment : text.split(Pattern.quote(String.valueOf(separator)), -1)) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' has an empty segment (a leading, trailing or doubled '"
                + separator
                + "')");
      }
      if (separator == '/' && (segment.equals(".") || segment.equals(".."))) {
        throw new IllegalArgumentException(
            "'" + text + "' has a '" + segment + "' segment, which no secret name can have");
      }
      if (segment.equals(ANY_SEGMENTS)) {
        segments.add(null);
        continue;
      }
      if (segment.contains(ANY_SEGMENTS)) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "': '**' must be a whole segment (as in 'a"
                + separator
                + "**"
                + separator
                + "b'); '*' matches within one segment");
      }
      StringBuilder regex = new StringBuilder();
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (c == '*') {
          regex.append(".*");
        } else if (allowed(c, separator)) {
          regex.append(Pattern.quote(String.valueOf(c)));
        } else {
          throw new IllegalArgumentException(
              "'" + text + "' holds '" + printable(c) + "', which cannot occur in " + what);
        }
      }
      segments.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }
    return new SegmentGlob(text, separator, Collections.unmodifiableList(segments));
  }

  boolean matches(String name) {
    String[] parts = name.split(Pattern.quote(String.valueOf(separator)), -1);
    return matches(0, parts, 0);
  }

  private boolean matches(int glob, String[] parts, int part) {
    if (glob == segments.size()) {
      return part == parts.length;
    }
    Pattern segment = segments.get(glob);
    if (segment == null) {
      for (int skip = part; skip <= parts.length; skip++) {
        if (matches(glob + 1, parts, skip)) {
          return true;
        }
      }
      return false;
    }
    return part < parts.length
        && segment.matcher(parts[part]).matches()
        && matches(glob + 1, parts, part + 1);
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Plain code, no lambdas: a policy is read in premain, where each lambda shape costs start-up.
   */
  private static boolean allowed(char c, char separator) {
    if (separator == '.') {
      return Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }
    return !Character.isISOControl(c) && !Character.isWhitespace(c) && c != '\\' && c != ',';
  }

  private static String printable(char c) {
    return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
