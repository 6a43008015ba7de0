package io.kailash.secrets.aws.testing;

/** Admits at most N requests per one-second window, as a backend's rate limit does. */
final class RateLimit {

  private int perSecond;
  private long windowStart = System.nanoTime();
  private int admitted;

  synchronized void perSecond(int limit) {
    perSecond = limit;
  }

  synchronized boolean admit() {
    if (perSecond <= 0) {
      return true;
    }
    long now = System.nanoTime();
    if (now - windowStart >= 1_000_000_000L) {
      windowStart = now;
      admitted = 0;
    }
    return ++admitted <= perSecond;
  }
}
