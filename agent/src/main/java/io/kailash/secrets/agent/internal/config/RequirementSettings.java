package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.internal.ConfiguredRequirements;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the {@code requirements.<class>} keys: the secrets of node classes that cannot be
 * annotated, checked at start (syntax, secret names, parameters, class names).
 */
public final class RequirementSettings {

  /**
   * The configured class names travel to the application's {@code AgentHandoff} as one string
   * constant of a class file, which holds at most 65535 bytes.
   */
  private static final int MAX_NAMES_LENGTH = 60_000;

  private RequirementSettings() {}

  /**
   * @throws SecretsConfigurationException naming the key and what is wrong
   */
  public static ConfiguredRequirements read(AgentConfig config) {
    Map<String, String> declarations = config.underPrefix(AgentKeys.REQUIREMENTS_PREFIX);
    if (declarations.isEmpty()) {
      return ConfiguredRequirements.none(); // the common case: nothing to parse in premain
    }
    ConfiguredRequirements configured =
        ConfiguredRequirements.parse(
            declarations, className -> "'" + AgentKeys.REQUIREMENTS_PREFIX + className + "'");
    if (String.join(",", configured.classNames()).length() > MAX_NAMES_LENGTH) {
      throw new SecretsConfigurationException(
          "The requirements.<class> keys name more classes than the agent can hand to the"
              + " application (their names exceed "
              + MAX_NAMES_LENGTH
              + " characters together); declare the requirements on common superclasses.");
    }
    return configured;
  }

  /** The configured class names in the form {@code AgentHandoff.configuredClasses()} returns. */
  public static String classNames(ConfiguredRequirements configured) {
    return String.join(",", new TreeSet<>(configured.classNames()));
  }
}
