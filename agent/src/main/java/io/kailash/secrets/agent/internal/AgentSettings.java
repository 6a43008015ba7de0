package io.kailash.secrets.agent.internal;

import io.kailash.secrets.agent.internal.config.AgentConfig;
import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The agent's own settings, typed and checked: every bad value is a configuration error that names
 * the key and what it accepts.
 */
record AgentSettings(
    String baseType,
    String method,
    String logLevel,
    Optional<Path> logFile,
    boolean proceedOnInternalError,
    boolean show,
    boolean jmx,
    Optional<Path> statsFile) {

  static AgentSettings of(AgentConfig config) {
    config.oneOf(AgentKeys.ON_CONFIG_ERROR, "fail", "warn");
    return new AgentSettings(
        checked(config, AgentKeys.BASE_TYPE, true, "a class name such as com.acme.Task"),
        checked(config, AgentKeys.METHOD, false, "a method name such as run"),
        config.oneOf(AgentKeys.LOG_LEVEL, "error", "warn", "info", "debug", "trace"),
        config.path(AgentKeys.LOG_FILE),
        config.oneOf(AgentKeys.ON_INTERNAL_ERROR, "fail", "proceed").equals("proceed"),
        config.bool(AgentKeys.SHOW),
        config.bool(AgentKeys.JMX_ENABLED),
        config.path(AgentKeys.STATS_FILE));
  }

  private static String checked(AgentConfig config, String key, boolean dotted, String example) {
    String value = config.string(key);
    if (!isName(value, dotted)) {
      throw new SecretsConfigurationException(
          "Invalid value '" + value + "' for '" + key + "': expected " + example + ".");
    }
    return value;
  }

  /** Java identifiers, separated by dots if {@code dotted} (a binary class name may hold '$'). */
  private static boolean isName(String value, boolean dotted) {
    boolean atStart = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (dotted && c == '.' && !atStart) {
        atStart = true;
      } else if (atStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
        atStart = false;
      } else {
        return false;
      }
    }
    return !atStart;
  }
}
