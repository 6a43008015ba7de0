package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretsConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} (an environment variable) and {@code ${file:/path}} (a file's
 * content, trimmed) inside configuration values, so that tokens need not sit in the file or on the
 * command line. Error messages name the key and the reference, never a resolved value.
 */
public final class ValueReferences {

  /** The largest file a {@code ${file:}} reference reads: 64 KiB, far more than any token. */
  static final int FILE_LIMIT = 64 * 1024;

  private ValueReferences() {}

  /** Compiled on first use: most configurations hold no reference, and premain time counts. */
  private static final class Holder {
    static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z]+):([^}]*)}");
  }

  /** Whether {@code value} is nothing but one reference, i.e. holds no literal secret. */
  public static boolean isReferenceOnly(String value) {
    if (!value.contains("${")) {
      return false;
    }
    Matcher matcher = Holder.REFERENCE.matcher(value.trim());
    return matcher.matches() && isKnownScheme(matcher.group(1));
  }

  public static String resolve(String key, String value, Map<String, String> environment) {
    if (value.indexOf("${") < 0) {
      return value;
    }
    Matcher matcher = Holder.REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String scheme = matcher.group(1);
      String target = matcher.group(2).trim();
      String replacement =
          switch (scheme) {
            case "env" -> fromEnvironment(key, target, environment);
            case "file" -> fromFile(key, target);
            default ->
                throw new SecretsConfigurationException(
                    "The value of '"
                        + key
                        + "' uses the unknown reference '${"
                        + scheme
                        + ":...}'. Use ${env:NAME} or ${file:/path}.");
          };
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static boolean isKnownScheme(String scheme) {
    return scheme.equals("env") || scheme.equals("file");
  }

  private static String fromEnvironment(String key, String name, Map<String, String> environment) {
    String value = environment.get(name);
    if (value == null) {
      throw new SecretsConfigurationException(
          "The value of '"
              + key
              + "' refers to ${env:"
              + name
              + "}, but the environment variable "
              + name
              + " is not set.");
    }
    return value;
  }

  private static String fromFile(String key, String path) {
    Path file = Path.of(path);
    // why: only a regular file is read, and only up to FILE_LIMIT bytes. /dev/zero would fill the
    // heap and a FIFO would block premain forever, silently.
    if (!Files.isRegularFile(file)) {
      throw fileRefused(
          key, path, Files.exists(file) ? "it is not a regular file" : "it does not exist");
    }
    byte[] content;
    try (InputStream in = Files.newInputStream(file)) {
      content = in.readNBytes(FILE_LIMIT + 1);
    } catch (IOException | RuntimeException e) {
      throw fileRefused(key, path, "it cannot be read: " + e.getClass().getSimpleName());
    }
    if (content.length > FILE_LIMIT) {
      throw fileRefused(key, path, "it is larger than " + FILE_LIMIT / 1024 + " KiB");
    }
    return new String(content, StandardCharsets.UTF_8).trim();
  }

  private static SecretsConfigurationException fileRefused(String key, String path, String why) {
    return new SecretsConfigurationException(
        "The value of '"
            + key
            + "' refers to ${file:"
            + path
            + "}, which is refused ("
            + why
            + "). ${file:} reads a regular file of at most "
            + FILE_LIMIT / 1024
            + " KiB that this process can read.");
  }
}
