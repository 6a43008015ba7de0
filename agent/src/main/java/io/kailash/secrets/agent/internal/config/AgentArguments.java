package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretsConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the agent argument: {@code ;}-separated {@code key=value} pairs, as the OpenTelemetry and
 * Elastic agents do, e.g. {@code -javaagent:kailash-secrets.jar=config=/etc/app/secrets.properties;
 * log.level=debug}.
 */
public final class AgentArguments {

  private AgentArguments() {}

  public static Map<String, String> parse(String agentArgs) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (agentArgs == null || agentArgs.isBlank()) {
      return pairs;
    }
    for (String pair : agentArgs.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0 && pair.trim().equals(ConfigFile.LOCATION_KEY)) {
        // why: jcmd's JVMTI.agent_load splits its options at '=', so an unquoted config=FILE
        // arrives as "config" alone.
        throw new SecretsConfigurationException(
            "The agent argument 'config' has no value. With jcmd, quote the whole option so that"
                + " jcmd does not split it at '=': jcmd PID JVMTI.agent_load /path/to/"
                + "kailash-secrets.jar '\"config=/path/to/kailash-secrets.properties\"'.");
      }
      if (equals <= 0) {
        throw new SecretsConfigurationException(
            "The agent argument '"
                + keyPart(pair)
                + "' is not a key=value pair. Write -javaagent:kailash-secrets.jar=config=/path/to/"
                + "kailash-secrets.properties, with more pairs separated by ';'.");
      }
      String key = pair.substring(0, equals).trim();
      if (pairs.put(key, pair.substring(equals + 1).trim()) != null) {
        throw new SecretsConfigurationException(
            "The agent argument gives '" + key + "' twice; give it once.");
      }
    }
    return pairs;
  }

  /** The part before '=' only: a mistyped pair may still hold a value, which is never shown. */
  private static String keyPart(String pair) {
    int equals = pair.indexOf('=');
    return (equals < 0 ? pair : pair.substring(0, equals)).trim();
  }
}
