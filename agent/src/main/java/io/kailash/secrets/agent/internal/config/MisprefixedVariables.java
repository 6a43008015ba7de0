package io.kailash.secrets.agent.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds environment variables that name a configuration key behind a near-miss of the agent's
 * prefix ({@code KAILASH_SECRET_PROVIDERS}, {@code KAILSH_SECRETS_PROVIDERS}, {@code
 * kailash_secrets_providers}): the agent ignores them, so without a word the user's setting
 * silently does nothing. Names only: a variable's value is never read into a message.
 */
final class MisprefixedVariables {

  /** How many edits of the prefix still count as a near miss: 'KAILASH_SECRET_' is one. */
  private static final int MAX_PREFIX_EDITS = 3;

  private MisprefixedVariables() {}

  /**
   * @param environment variable name to value; only the names are looked at
   * @param keys every known configuration key
   * @return one warning line per near-miss variable, naming it and the variable to set instead
   */
  static List<String> warnings(Map<String, String> environment, Iterable<String> keys) {
    List<String> warnings = new ArrayList<>();
    for (String name : environment.keySet()) {
      if (name.startsWith(ConfigSource.ENVIRONMENT_PREFIX)) {
        continue; // the right prefix: known or reported as unknown by the loader
      }
      String key = keyBehindNearMiss(name, keys);
      if (key != null) {
        warnings.add(
            "The environment variable "
                + name
                + " looks like the configuration key '"
                + key
                + "' with the wrong prefix and is ignored; set "
                + ConfigSource.environmentName(key)
                + " instead.");
      }
    }
    return warnings;
  }

  // Loops, not lambdas: this runs in premain.
  private static String keyBehindNearMiss(String name, Iterable<String> keys) {
    String upper = name.toUpperCase(Locale.ROOT);
    String prefix = ConfigSource.ENVIRONMENT_PREFIX;
    for (String key : keys) {
      String suffix = ConfigSource.environmentName(key).substring(prefix.length());
      if (!upper.endsWith(suffix) || upper.length() == suffix.length()) {
        continue;
      }
      String typedPrefix = upper.substring(0, upper.length() - suffix.length());
      if (KeySuggestions.distance(typedPrefix, prefix) <= MAX_PREFIX_EDITS) {
        return key;
      }
    }
    return null;
  }
}
