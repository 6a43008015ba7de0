package io.kailash.secrets.config;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Applies configuration keys to a builder: each method reads one key, if present, and passes its
 * value to a setter. A malformed value, or one the setter rejects with an {@link
 * IllegalArgumentException}, becomes a {@link SecretsConfigurationException} naming the full key.
 * Absent keys leave the builder's default alone.
 */
public final class SettingsSupport {

  private SettingsSupport() {}

  public static void duration(ProviderSettings settings, String key, Consumer<Duration> setter) {
    if (settings.get(key).isPresent()) {
      checked(settings, key, () -> setter.accept(settings.duration(key, null)));
    }
  }

  public static void integer(ProviderSettings settings, String key, IntConsumer setter) {
    if (settings.get(key).isPresent()) {
      checked(settings, key, () -> setter.accept(settings.integer(key, 0)));
    }
  }

  /** A fraction written as {@code 0.8} or {@code 80%}. */
  public static void fraction(ProviderSettings settings, String key, DoubleConsumer setter) {
    settings
        .get(key)
        .ifPresent(
            text ->
                checked(settings, key, () -> setter.accept(parseFraction(settings, key, text))));
  }

  /** A size in bytes written as {@code 1048576}, {@code 512KB}, {@code 10MB} or {@code 1GB}. */
  public static void byteSize(ProviderSettings settings, String key, LongConsumer setter) {
    settings
        .get(key)
        .ifPresent(
            text -> checked(settings, key, () -> setter.accept(parseBytes(settings, key, text))));
  }

  /**
   * @throws IllegalArgumentException naming {@code what} unless {@code duration} is above zero
   */
  public static Duration positive(Duration duration, String what) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + duration);
    }
    return duration;
  }

  /**
   * @throws IllegalArgumentException naming {@code what} if {@code duration} is negative
   */
  public static Duration notNegative(Duration duration, String what) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, was " + duration);
    }
    return duration;
  }

  /**
   * Runs {@code step}, which applies the value of {@code key} (e.g. passes it to a builder): an
   * {@link IllegalArgumentException} it throws becomes a {@link SecretsConfigurationException}
   * "Invalid value for key 'type.key': " and the exception's message.
   */
  public static void checked(ProviderSettings settings, String key, Runnable step) {
    checked(
        settings,
        key,
        () -> {
          step.run();
          return null;
        });
  }

  /** {@link #checked(ProviderSettings, String, Runnable)} for a step that returns a result. */
  public static <T> T checked(ProviderSettings settings, String key, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException rejected) {
      throw invalidValue(settings, key, rejected);
    }
  }

  /**
   * The error {@link #checked} throws when a builder rejects {@code key}'s value, for code that
   * must not create a lambda (the agent's premain, where the first one costs a bootstrap).
   */
  public static SecretsConfigurationException invalidValue(
      ProviderSettings settings, String key, IllegalArgumentException rejected) {
    return new SecretsConfigurationException(
        "Invalid value for key '" + settings.fullKey(key) + "': " + rejected.getMessage(),
        rejected);
  }

  /**
   * Runs {@code step}, which applies the value of {@code key}: an {@link IllegalArgumentException}
   * it throws becomes {@link ProviderSettings#invalid}, which shows the value as written (masked
   * for a credential) and says what is {@code expected} instead of the exception's message.
   */
  public static void expecting(
      ProviderSettings settings, String key, String expected, Runnable step) {
    try {
      step.run();
    } catch (IllegalArgumentException rejected) {
      throw settings.invalid(key, expected);
    }
  }

  private static double parseFraction(ProviderSettings settings, String key, String text) {
    try {
      return text.endsWith("%")
          ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
          : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw settings.invalid(key, "a fraction such as 0.8 or 80%");
    }
  }

  private static long parseBytes(ProviderSettings settings, String key, String text) {
    String normalized = text.toUpperCase(Locale.ROOT).replace(" ", "");
    String digits = normalized.replaceFirst("[KMG]?B?$", "");
    long unit =
        switch (normalized.substring(digits.length())) {
          case "", "B" -> 1;
          case "K", "KB" -> 1L << 10;
          case "M", "MB" -> 1L << 20;
          case "G", "GB" -> 1L << 30;
          default -> -1;
        };
    try {
      if (unit > 0) {
        return Math.multiplyExact(Long.parseLong(digits), unit);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw settings.invalid(key, "a size such as 1048576, 512KB or 10MB");
  }
}
