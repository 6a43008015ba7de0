package io.kailash.secrets.reliability;

import java.time.Duration;

/**
 * What one read did under one fault in one cache state.
 *
 * @param requests HTTP requests (or, for a refused connection, connection attempts) the read sent
 * @param attempts attempts the resilience layer made (its retries included)
 * @param time how long it took, recorded only as a coarse bucket
 * @param answer {@code value}, {@code stale value}, or the exception type and reason
 * @param stale whether a stale value was served
 */
record Outcome(int requests, int attempts, Duration time, String answer, boolean stale) {

  /** Buckets wide enough that a loaded CI machine lands in the same one. */
  String timeBucket() {
    if (time.compareTo(Duration.ofMillis(500)) < 0) {
      return "< 0.5 s";
    }
    return time.compareTo(Duration.ofSeconds(3)) < 0 ? "0.5 s – 3 s" : "≥ 3 s";
  }
}
