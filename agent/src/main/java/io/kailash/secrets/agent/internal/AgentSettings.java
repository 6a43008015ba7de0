package io.kailash.secrets.agent.internal;

import io.kailash.secrets.agent.internal.config.AgentConfig;
import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

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
    Optional<Path> statsFile) {

  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
  private static final Pattern BINARY_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  static AgentSettings of(AgentConfig config) {
    config.oneOf(AgentKeys.ON_CONFIG_ERROR, "fail", "warn");
    return new AgentSettings(
        matching(config, AgentKeys.BASE_TYPE, BINARY_NAME, "a class name such as com.acme.Task"),
        matching(config, AgentKeys.METHOD, IDENTIFIER, "a method name such as run"),
        config.oneOf(AgentKeys.LOG_LEVEL, "error", "warn", "info", "debug", "trace"),
        config.path(AgentKeys.LOG_FILE),
        config.oneOf(AgentKeys.ON_INTERNAL_ERROR, "fail", "proceed").equals("proceed"),
        config.bool(AgentKeys.SHOW),
        config.path(AgentKeys.STATS_FILE));
  }

  private static String matching(AgentConfig config, String key, Pattern pattern, String example) {
    String value = config.string(key);
    if (!pattern.matcher(value).matches()) {
      throw new SecretsConfigurationException(
          "Invalid value '" + value + "' for '" + key + "': expected " + example + ".");
    }
    return value;
  }
}
