package io.kailash.secrets.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): a number of seconds or an HTTP date.
 * Anything else is ignored rather than failing the read: the header is a hint.
 */
public final class RetryAfterHeader {

  /** A backend asking for a longer pause than this is not believed. */
  private static final Duration MAX = Duration.ofHours(1);

  private RetryAfterHeader() {}

  /**
   * @param value the header's value, or empty when there is none
   * @param now the current wall-clock time, for the date form
   * @return the requested pause, at most an hour; empty when absent or unreadable
   */
  public static Optional<Duration> parse(Optional<String> value, Instant now) {
    if (value.isEmpty() || value.get().isBlank()) {
      return Optional.empty();
    }
    String text = value.get().trim();
    Duration delay;
    if (text.chars().allMatch(Character::isDigit)) {
      delay = text.length() > 6 ? MAX : Duration.ofSeconds(Long.parseLong(text));
    } else {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        delay = Duration.between(now, at);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (delay.isNegative()) {
      delay = Duration.ZERO;
    }
    return Optional.of(delay.compareTo(MAX) > 0 ? MAX : delay);
  }
}
