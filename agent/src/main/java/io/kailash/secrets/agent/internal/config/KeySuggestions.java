package io.kailash.secrets.agent.internal.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for mistyped keys and provider names, by edit distance. */
public final class KeySuggestions {

  private KeySuggestions() {}

  /**
   * @return {@code " Did you mean 'x'?"}, or an empty string when no candidate is close enough
   */
  public static String didYouMean(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String normalised = typed.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int distance = distance(normalised, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    // Up to a third of the longer word may differ: 'provders' -> 'providers', not 'x' -> 'enabled'.
    int allowed = Math.max(2, Math.max(typed.length(), best == null ? 0 : best.length()) / 3);
    return best != null && bestDistance <= allowed ? " Did you mean '" + best + "'?" : "";
  }

  /** Levenshtein distance, counting an adjacent transposition as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
