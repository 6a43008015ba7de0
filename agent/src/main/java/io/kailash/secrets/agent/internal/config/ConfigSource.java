package io.kailash.secrets.agent.internal.config;

import java.util.Locale;

/** Where a configuration value came from, highest precedence first. */
public enum ConfigSource {
  AGENT_ARGUMENT,
  SYSTEM_PROPERTY,
  ENVIRONMENT,
  FILE,
  DEFAULT;

  /** Whether a value from here can be read by any user of the machine (with {@code ps}). */
  public boolean visibleOnCommandLine() {
    return this == AGENT_ARGUMENT || this == SYSTEM_PROPERTY;
  }

  /** How a user would have written {@code key} here, for messages. */
  public String spelling(String key) {
    return switch (this) {
      case AGENT_ARGUMENT -> "the agent argument '" + key + "=...'";
      case SYSTEM_PROPERTY -> "-D" + SYSTEM_PROPERTY_PREFIX + key;
      case ENVIRONMENT -> "the environment variable " + environmentName(key);
      case FILE -> "'" + key + "' in the configuration file";
      case DEFAULT -> "the default of '" + key + "'";
    };
  }

  public static final String SYSTEM_PROPERTY_PREFIX = "kailash.secrets.";
  public static final String ENVIRONMENT_PREFIX = "KAILASH_SECRETS_";

  /** {@code vault.kv-mount} becomes {@code KAILASH_SECRETS_VAULT_KV_MOUNT}. */
  public static String environmentName(String key) {
    return ENVIRONMENT_PREFIX + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
