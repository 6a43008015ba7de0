package io.kailash.secrets.resilience;

import io.kailash.secrets.SecretBackendException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops calling a provider that keeps failing, so that an outage costs a fast failure (which the
 * cache may answer with a stale value) instead of a timeout per call.
 *
 * <ul>
 *   <li>CLOSED: calls go through; {@code failureThreshold} consecutive transient failures open it.
 *   <li>OPEN: calls fail fast with {@link SecretBackendException.Reason#UNAVAILABLE} until {@code
 *       openDuration} has passed.
 *   <li>HALF_OPEN: one probe call goes through, the others still fail fast; its success closes the
 *       circuit, its failure opens it for another {@code openDuration}.
 * </ul>
 *
 * <p>Only transient failures count: "not found" or "access denied" prove the backend answers. The
 * state changes under this object's lock, which only backend calls (cache misses) take.
 */
public final class CircuitBreaker {

  /** The circuit's state. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

  private final String provider;
  private final int failureThreshold;
  private final Duration openDuration;
  private final TimeSource time;

  private State state = State.CLOSED;
  private int consecutiveFailures;
  private long openedAt;
  private long openings;

  /**
   * @param provider the provider's name, for messages
   * @param failureThreshold consecutive transient failures that open the circuit, at least 1
   * @param openDuration how long calls fail fast before a probe is let through
   */
  public CircuitBreaker(
      String provider, int failureThreshold, Duration openDuration, TimeSource time) {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException(
          "failure-threshold must be at least 1, was " + failureThreshold);
    }
    if (openDuration.isNegative()) {
      throw new IllegalArgumentException("open-duration must not be negative: " + openDuration);
    }
    this.provider = Objects.requireNonNull(provider);
    this.failureThreshold = failureThreshold;
    this.openDuration = openDuration;
    this.time = Objects.requireNonNull(time);
  }

  /**
   * Lets a call through, or fails it fast.
   *
   * @param secretName the secret about to be read, for the message; may be {@code null}
   * @throws SecretBackendException {@code UNAVAILABLE} while the circuit is open
   */
  public synchronized void beforeCall(String secretName) {
    if (state == State.CLOSED) {
      return;
    }
    long remaining = openDuration.toNanos() - (time.nanoTime() - openedAt);
    if (state == State.OPEN && remaining <= 0) {
      state = State.HALF_OPEN;
      LOG.info("Circuit for provider {} half-open: letting one probe call through", provider);
      return;
    }
    String retry =
        state == State.OPEN
            ? "retry after " + Duration.ofNanos(remaining).toMillis() + " ms"
            : "a probe call is testing recovery, retry shortly";
    throw new SecretBackendException(
        provider,
        secretName,
        SecretBackendException.Reason.UNAVAILABLE,
        "circuit open for provider "
            + provider
            + " after "
            + failureThreshold
            + " consecutive failures, "
            + retry);
  }

  /** The backend answered (a value, "not found" or a non-transient refusal). */
  public synchronized void onSuccess() {
    if (state != State.CLOSED) {
      LOG.info("Circuit for provider {} closed: the backend answers again", provider);
    }
    state = State.CLOSED;
    consecutiveFailures = 0;
  }

  /** The backend could not answer (a transient failure, or an unexpected error). */
  public synchronized void onFailure() {
    consecutiveFailures++;
    if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
      if (state != State.OPEN) {
        openings++;
        LOG.warn(
            "Circuit for provider {} open after {} consecutive failures: calls fail fast for {}",
            provider,
            consecutiveFailures,
            openDuration);
      }
      state = State.OPEN;
      openedAt = time.nanoTime();
    }
  }

  /** The current state; an OPEN circuit whose cool-down ended stays OPEN until the next call. */
  public synchronized State state() {
    return state;
  }

  /** How many times the circuit opened. */
  public synchronized long openings() {
    return openings;
  }
}
