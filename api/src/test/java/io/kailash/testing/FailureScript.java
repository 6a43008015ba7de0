package io.kailash.testing;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@link MapSecretProvider}'s calls fail with: every call (until recovered), the next few
 * calls, or every read of one secret.
 */
final class FailureScript {

  /** The failure of every call: a given exception, or a backend failure built per call. */
  private record EveryCall(RuntimeException exception, Reason reason, String detail) {}

  private final Map<String, Reason> perSecret = new ConcurrentHashMap<>();
  private final AtomicInteger callsLeft = new AtomicInteger(-1); // -1: no limit
  private volatile EveryCall everyCall;

  void secret(String secret, Reason reason) {
    perSecret.put(secret, reason);
  }

  void everyCall(Reason reason, String detail) {
    callsLeft.set(-1);
    everyCall = new EveryCall(null, reason, detail);
  }

  void everyCall(RuntimeException exception) {
    callsLeft.set(-1);
    everyCall = new EveryCall(exception, null, null);
  }

  void nextCalls(int calls, Reason reason, String detail) {
    callsLeft.set(calls);
    everyCall = new EveryCall(null, reason, detail);
  }

  /** Ends the failures of every call; those of single secrets stay. */
  void recover() {
    everyCall = null;
    callsLeft.set(-1);
  }

  /** Throws what is scripted for a call, if anything. */
  void onCall(String provider, String secret) {
    EveryCall current = everyCall;
    if (current == null) {
      return;
    }
    if (current.exception() != null) {
      throw current.exception();
    }
    if (callsLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0) {
      throw new SecretBackendException(provider, secret, current.reason(), current.detail());
    }
  }

  /** Throws what is scripted for reading {@code secret}, if anything. */
  void onRead(String provider, String secret) {
    Reason reason = perSecret.get(secret);
    if (reason != null) {
      throw new SecretBackendException(provider, secret, reason, "scripted failure");
    }
  }
}
