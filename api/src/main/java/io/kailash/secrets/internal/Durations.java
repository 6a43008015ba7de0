package io.kailash.secrets.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses durations as people write them in properties files: 250ms, 30s, 5m, 1h, 2d or PT5M, from
 * zero up to {@link #MAXIMUM} (365 days).
 *
 * <p>why a maximum: a duration that parses but overflows later ({@code 106752d} overflows {@link
 * Duration#toNanos()}) would fail far from the configuration, at the first cache read, instead of
 * at start-up where the key can be named. Every duration key is parsed here, so the bound holds for
 * all of them.
 */
public final class Durations {

  /** The largest duration any key accepts: 365 days. */
  public static final Duration MAXIMUM = Duration.ofDays(365);

  private Durations() {}

  /**
   * @throws IllegalArgumentException if {@code text} is none of the accepted forms
   */
  public static Duration parse(String text) {
    try {
      Duration duration = parseUnchecked(text);
      if (duration.isNegative()) {
        throw new IllegalArgumentException("Not a duration (negative): " + text);
      }
      if (duration.compareTo(MAXIMUM) > 0) {
        throw new IllegalArgumentException(
            "Not a duration (longer than the maximum of 365d): " + text);
      }
      return duration;
    } catch (ArithmeticException | DateTimeParseException | NumberFormatException e) {
      // Duration.parse throws DateTimeParseException, which is not an IllegalArgumentException;
      // an amount too large for a long or for Duration fails the same way as any other typo.
      throw new IllegalArgumentException("Not a duration: " + text, e);
    }
  }

  private static Duration parseUnchecked(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("p")) {
      return Duration.parse(value.toUpperCase(Locale.ROOT));
    }
    int split = 0;
    while (split < value.length() && Character.isDigit(value.charAt(split))) {
      split++;
    }
    if (split == 0) {
      throw new IllegalArgumentException("Not a duration: " + text);
    }
    long amount = Long.parseLong(value.substring(0, split));
    return switch (value.substring(split).trim()) {
      case "ms" -> Duration.ofMillis(amount);
      case "s", "" -> Duration.ofSeconds(amount);
      case "m", "min" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException("Not a duration: " + text);
    };
  }
}
