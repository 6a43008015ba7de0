package io.kailash.secrets.resilience;

import java.time.Duration;

/**
 * Monotonic time and sleeping, behind an interface so that retries, timeouts and caches can be
 * tested with a fake clock instead of real waits.
 */
public interface TimeSource {

  /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Blocks the calling thread; a fake advances its clock instead. */
  void sleep(Duration duration) throws InterruptedException;

  /** The JVM's clock. */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }
}
