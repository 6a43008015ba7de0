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
    // Each key's variable-name suffix once, not once per variable and key: this runs in premain,
    // interpreted, and a few dozen variables times a hundred keys took ~20 ms (issue 16).
    List<String> keyList = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    int prefixLength = ConfigSource.ENVIRONMENT_PREFIX.length();
    for (String key : keys) {
      keyList.add(key);
      suffixes.add(ConfigSource.environmentName(key).substring(prefixLength));
    }
    for (String name : environment.keySet()) {
      if (name.startsWith(ConfigSource.ENVIRONMENT_PREFIX)) {
        continue; // the right prefix: known or reported as unknown by the loader
      }
      String key = keyBehindNearMiss(name, keyList, suffixes);
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
  private static String keyBehindNearMiss(String name, List<String> keys, List<String> suffixes) {
    String upper = name.toUpperCase(Locale.ROOT);
    String prefix = ConfigSource.ENVIRONMENT_PREFIX;
    for (int i = 0; i < suffixes.size(); i++) {
      String suffix = suffixes.get(i);
      if (upper.length() <= suffix.length() || !upper.endsWith(suffix)) {
        continue;
      }
      String typedPrefix = upper.substring(0, upper.length() - suffix.length());
      if (KeySuggestions.distance(typedPrefix, prefix) <= MAX_PREFIX_EDITS) {
        return keys.get(i);
      }
    }
    return null;
  }
}
