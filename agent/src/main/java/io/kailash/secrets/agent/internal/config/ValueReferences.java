package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretsConfigurationException;
import java.io.IOException;
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
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8).trim();
    } catch (IOException | RuntimeException e) {
      throw new SecretsConfigurationException(
          "The value of '"
              + key
              + "' refers to ${file:"
              + path
              + "}, which cannot be read ("
              + e.getClass().getSimpleName()
              + "). Check that the file exists and is readable by this process.");
    }
  }
}
