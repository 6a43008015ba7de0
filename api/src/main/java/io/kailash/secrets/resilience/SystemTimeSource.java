package io.kailash.secrets.resilience;

import java.time.Duration;

/** {@link TimeSource} backed by {@link System#nanoTime()} and {@link Thread#sleep(long)}. */
enum SystemTimeSource implements TimeSource {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
  }
}
