package io.kailash.secrets.resilience;

import java.util.concurrent.atomic.LongAdder;

/** Live counters of one {@link ResilientSecretProvider}, read by JMX and tests. */
public final class ProviderStats {

  private final LongAdder calls = new LongAdder();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder fastFailures = new LongAdder();

  ProviderStats() {}

  void called() {
    calls.increment();
  }

  void attempted() {
    attempts.increment();
  }

  void failed() {
    failures.increment();
  }

  void failedFast() {
    fastFailures.increment();
  }

  /** Calls made to the provider (one per secret read or batch, however many attempts). */
  public long calls() {
    return calls.sum();
  }

  /** Attempts that reached the backend, retries included. */
  public long attempts() {
    return attempts.sum();
  }

  /** Calls that failed after their retries (fast failures not included). */
  public long failures() {
    return failures.sum();
  }

  /** Calls refused at once because the circuit was open. */
  public long fastFailures() {
    return fastFailures.sum();
  }
}
