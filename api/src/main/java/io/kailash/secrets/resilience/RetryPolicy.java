package io.kailash.secrets.resilience;

import io.kailash.secrets.SecretBackendException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries a backend call that failed with a transient {@link SecretBackendException} (unreachable,
 * timeout, throttled, 5xx), with exponential backoff and jitter, within an overall deadline.
 *
 * <p>Non-transient failures (not found, access denied, malformed answer) are never retried. A
 * failure carrying {@link SecretBackendException#retryAfter()} (the backend's {@code Retry-After})
 * is retried no sooner than that; when that wait would pass the deadline, at once not at all. When
 * attempts or time run out the last failure is rethrown unchanged, so the caller still sees what
 * the backend said.
 */
public final class RetryPolicy {

  private static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, Duration.ofDays(1), TimeSource.system());

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration deadline;
  private final TimeSource time;
  private final boolean retryTimeouts;

  /**
   * @param maxAttempts attempts in all, at least 1
   * @param initialBackoff the pause before the second attempt; doubled after each failure
   * @param maxBackoff the longest pause
   * @param jitter the random spread of each pause, 0 to 1 (0.2 = ±20 %)
   * @param deadline the time after the first attempt beyond which no new attempt starts
   */
  public RetryPolicy(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      double jitter,
      Duration deadline,
      TimeSource time) {
    this(maxAttempts, initialBackoff, maxBackoff, jitter, deadline, time, true);
  }

  private RetryPolicy(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      double jitter,
      Duration deadline,
      TimeSource time,
      boolean retryTimeouts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
    this.maxAttempts = maxAttempts;
    this.initialBackoff = Objects.requireNonNull(initialBackoff);
    this.maxBackoff = Objects.requireNonNull(maxBackoff);
    this.jitter = jitter;
    this.deadline = Objects.requireNonNull(deadline);
    this.time = Objects.requireNonNull(time);
    this.retryTimeouts = retryTimeouts;
  }

  /** No retries: one attempt. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** 4 attempts, 100 ms doubling to at most 2 s, ±20 % jitter, within 10 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        4,
        Duration.ofMillis(100),
        Duration.ofSeconds(2),
        0.2,
        Duration.ofSeconds(10),
        TimeSource.system());
  }

  public RetryPolicy withTimeSource(TimeSource newTime) {
    return new RetryPolicy(
        maxAttempts, initialBackoff, maxBackoff, jitter, deadline, newTime, retryTimeouts);
  }

  public RetryPolicy withDeadline(Duration newDeadline) {
    return new RetryPolicy(
        maxAttempts, initialBackoff, maxBackoff, jitter, newDeadline, time, retryTimeouts);
  }

  /** The same policy, except that a {@code TIMEOUT} failure is reported at once. */
  public RetryPolicy withoutTimeoutRetries() {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, deadline, time, false);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration deadline() {
    return deadline;
  }

  /** Runs {@code call}, retrying transient backend failures. */
  public <T> T execute(Supplier<T> call) {
    long start = time.nanoTime();
    long backoffNanos = initialBackoff.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (SecretBackendException failure) {
        long pause = jittered(Math.min(backoffNanos, maxBackoff.toNanos()));
        pause = Math.max(pause, failure.retryAfter().map(RetryPolicy::nanos).orElse(0L));
        long elapsedAfterPause = time.nanoTime() - start + pause;
        if (!failure.isTransient()
            || !retryTimeouts && failure.reason() == SecretBackendException.Reason.TIMEOUT
            || attempt >= maxAttempts
            || elapsedAfterPause >= deadline.toNanos()) {
          throw failure;
        }
        sleep(pause, failure);
        backoffNanos = saturatedDouble(backoffNanos);
      }
    }
  }

  private long jittered(long nanos) {
    if (jitter == 0 || nanos == 0) {
      return nanos;
    }
    double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
    return (long) (nanos * factor);
  }

  private void sleep(long nanos, SecretBackendException failure) {
    try {
      time.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private static long nanos(Duration duration) {
    return duration.compareTo(Duration.ofDays(1)) > 0
        ? Duration.ofDays(1).toNanos()
        : duration.toNanos();
  }

  private static long saturatedDouble(long nanos) {
    return nanos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : nanos * 2;
  }

  @Override
  public String toString() {
    return "RetryPolicy[attempts="
        + maxAttempts
        + ", backoff="
        + initialBackoff
        + ".."
        + maxBackoff
        + ", jitter="
        + jitter
        + ", deadline="
        + deadline
        + "]";
  }
}
