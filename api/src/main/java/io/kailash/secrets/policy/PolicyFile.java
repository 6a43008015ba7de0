package io.kailash.secrets.policy;

import io.kailash.secrets.config.SecretsConfigurationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a policy file: UTF-8, one rule a line, blank lines and lines starting with {@code #}
 * ignored.
 *
 * <pre>
 * # secret-name glob : node class globs, comma-separated
 * jwt-signing-key : com.acme.auth.TokenGeneratorNode, com.acme.auth.TokenVerifierNode
 * payments/** : com.acme.payments.**
 * </pre>
 *
 * Every problem (missing or unreadable file, invalid UTF-8, a line that is not a rule, a bad glob)
 * is a {@link SecretsConfigurationException} naming the file and the line.
 */
public final class PolicyFile {

  private static final String FORMAT =
      " Each line is 'secret-glob : class-glob, class-glob ...' or a '#' comment (see"
          + " docs/security.md).";

  private PolicyFile() {}

  /**
   * @param file the policy file
   * @param unmatched the verdict for secrets that no rule names
   * @throws SecretsConfigurationException naming the file, the line and the problem
   */
  public static SecretPolicy read(Path file, PolicyDefault unmatched) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SecretsConfigurationException(
          "The policy file " + file + " does not exist; create it or correct the path.");
    } catch (IOException e) {
      throw new SecretsConfigurationException(
          "The policy file " + file + " cannot be read (" + e.getClass().getSimpleName() + ").");
    }
    List<PolicyRule> rules = new ArrayList<>();
    int start = 0;
    int lineNumber = 1;
    while (start <= bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      String line = decode(file, bytes, start, end, lineNumber);
      PolicyRule rule = parse(file, line, lineNumber);
      if (rule != null) {
        rules.add(rule);
      }
      start = end + 1;
      lineNumber++;
    }
    return new SecretPolicy(file, rules, unmatched);
  }

  private static String decode(Path file, byte[] bytes, int start, int end, int lineNumber) {
    try {
      String line =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, start, end - start))
              .toString();
      return lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    } catch (CharacterCodingException e) {
      throw error(file, lineNumber, "it is not valid UTF-8; save the file as UTF-8.");
    }
  }

  /** The rule on {@code text}, or {@code null} for a blank or comment line. */
  private static PolicyRule parse(Path file, String text, int lineNumber) {
    String line = text.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return null;
    }
    if (line.indexOf('#') >= 0) {
      throw error(
          file,
          lineNumber,
          "'#' may only start a comment line; name secrets without '#field' (a rule covers all"
              + " fields of a secret)."
              + FORMAT);
    }
    int colon = line.indexOf(':');
    if (colon < 0 || line.indexOf(':', colon + 1) >= 0) {
      throw error(
          file,
          lineNumber,
          (colon < 0 ? "no ':'" : "more than one ':'") + " in '" + printable(line) + "'." + FORMAT);
    }
    String secret = line.substring(0, colon).strip();
    String classList = line.substring(colon + 1).strip();
    if (classList.isEmpty()) {
      throw error(file, lineNumber, "no node class after ':'." + FORMAT);
    }
    try {
      List<SegmentGlob> classes = new ArrayList<>();
      for (String glob : classList.split(",", -1)) {
        classes.add(SegmentGlob.className(glob.strip()));
      }
      return new PolicyRule(SegmentGlob.secretName(secret), classes, lineNumber);
    } catch (IllegalArgumentException badGlob) {
      throw error(file, lineNumber, "bad glob: " + badGlob.getMessage() + "." + FORMAT);
    }
  }

  private static SecretsConfigurationException error(Path file, int line, String problem) {
    return new SecretsConfigurationException(
        "Policy file " + file + ", line " + line + ": " + problem);
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
