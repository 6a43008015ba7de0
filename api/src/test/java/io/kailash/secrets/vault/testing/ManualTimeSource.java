package io.kailash.secrets.vault.testing;

import io.kailash.secrets.resilience.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to, or when someone "sleeps" on it. Thread safe. */
public final class ManualTimeSource implements TimeSource {

  private final AtomicLong now = new AtomicLong(Duration.ofDays(1).toNanos());
  private final AtomicLong slept = new AtomicLong();

  @Override
  public long nanoTime() {
    return now.get();
  }

  /** Advances the clock instead of blocking, and remembers how long was slept. */
  @Override
  public void sleep(Duration duration) {
    slept.addAndGet(duration.toNanos());
    now.addAndGet(duration.toNanos());
  }

  public void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  /** The sum of all sleeps so far. */
  public Duration totalSlept() {
    return Duration.ofNanos(slept.get());
  }
}
