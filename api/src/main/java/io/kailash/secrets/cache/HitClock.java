package io.kailash.secrets.cache;

import io.kailash.secrets.resilience.TimeSource;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The clock a cache hit reads: {@link System#nanoTime()} as of the last tick of a daemon thread
 * that reads it every {@link #TICK_NANOS}.
 *
 * <p>why: {@code System.nanoTime()} costs 20-30 ns on virtual machines whose clock source is not
 * the TSC (it was two thirds of a 30 ns hit here, issue 16); a volatile read costs about 1 ns. TTLs
 * are seconds to hours, so a reading up to one tick (plus the time the ticking thread waits for a
 * core) old only lets an entry be served that much past its expiry or refreshed that much later.
 * Loads, expiry instants and stale windows keep using the precise clock.
 *
 * <p>Should the ticking thread ever stop, readings fall back to {@code System.nanoTime()} at once:
 * a frozen clock would serve cached secrets forever.
 */
final class HitClock implements TimeSource {

  /** How often the reading is renewed: 10 ms, a hundred wake-ups a second. */
  static final long TICK_NANOS = 10_000_000L;

  static final HitClock INSTANCE = new HitClock();

  private volatile long lastTick = System.nanoTime();
  private volatile boolean ticking = true;

  private HitClock() {
    Thread ticker = new Thread(new Ticker(this), "kailash-secrets-clock");
    ticker.setDaemon(true);
    // It lives as long as the JVM: it must not pin the class loader of whoever built the first
    // cache.
    ticker.setContextClassLoader(null);
    ticker.start();
  }

  /** The clock for a cache's hits: this one for the system clock, else the given (test) clock. */
  static TimeSource forHits(TimeSource precise) {
    return precise == TimeSource.system() ? INSTANCE : precise;
  }

  /** A class, not a method reference: a cache may be built in the agent's premain. */
  private static final class Ticker implements Runnable {
    private final HitClock clock;

    Ticker(HitClock clock) {
      this.clock = clock;
    }

    @Override
    public void run() {
      try {
        while (true) {
          clock.lastTick = System.nanoTime();
          LockSupport.parkNanos(TICK_NANOS);
        }
      } finally {
        clock.ticking = false;
      }
    }
  }

  @Override
  public long nanoTime() {
    return ticking ? lastTick : System.nanoTime();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    TimeSource.system().sleep(duration);
  }
}
