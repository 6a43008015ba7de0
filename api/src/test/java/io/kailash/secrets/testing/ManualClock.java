package io.kailash.secrets.testing;

import io.kailash.secrets.resilience.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link TimeSource} that moves only when told to; {@link #sleep} advances it. */
public final class ManualClock implements TimeSource {

  // Starts far from zero so that code comparing nanoTime readings by subtraction is exercised.
  private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - Duration.ofDays(1).toNanos());

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public void sleep(Duration duration) {
    advance(duration);
  }

  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
