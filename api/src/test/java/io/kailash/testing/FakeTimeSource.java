package io.kailash.testing;

import io.kailash.secrets.resilience.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tests' one clock: it moves only when slept on or advanced, and remembers every sleep, so
 * retries, timeouts and caches are tested without waiting.
 */
public final class FakeTimeSource implements TimeSource {

  // Starts a day before nanoTime wraps around, so that code comparing readings by anything but
  // subtraction (as System.nanoTime's contract demands) fails its tests.
  private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - Duration.ofDays(1).toNanos());
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  /** Advances the clock instead of blocking, and remembers the sleep. */
  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    advance(duration);
  }

  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  /** Every sleep so far, in order. */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** The sum of all sleeps so far. */
  public Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
