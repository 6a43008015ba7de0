package io.kailash.testing;

import io.kailash.secrets.resilience.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when slept on or advanced; remembers every sleep. */
public final class FakeTimeSource implements TimeSource {

  private volatile long nanos = 1_000_000_000L;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return nanos;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    nanos += duration.toNanos();
  }

  public void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
