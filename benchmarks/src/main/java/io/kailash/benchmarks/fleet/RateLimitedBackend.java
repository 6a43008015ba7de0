package io.kailash.benchmarks.fleet;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A backend with a rate limit, as Secrets Manager (BatchGetSecretValue about 100 requests/s) or a
 * Vault rate-limit quota enforces one: requests beyond {@code limit} in a one-second window are
 * refused as throttled with {@code Retry-After: 1}. A batch read is one request, like
 * BatchGetSecretValue. Each admitted request takes {@code latency}.
 */
final class RateLimitedBackend implements SecretProvider {

  private final int limit;
  private final Duration latency;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private long windowStart = System.nanoTime();
  private int admitted;

  RateLimitedBackend(int limit, Duration latency) {
    this.limit = limit;
    this.latency = latency;
  }

  @Override
  public String name() {
    return "backend";
  }

  @Override
  public String getSecret(String name, String version) {
    request(name);
    return "value-of-" + name;
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    request(null);
    Map<SecretRef, String> values = new LinkedHashMap<>();
    refs.forEach(ref -> values.put(ref, "value-of-" + ref.name()));
    return values;
  }

  @Override
  public List<String> listSecrets() {
    return List.of();
  }

  int requests() {
    return requests.get();
  }

  int refused() {
    return refused.get();
  }

  private void request(String name) {
    requests.incrementAndGet();
    if (!admit()) {
      refused.incrementAndGet();
      throw new SecretBackendException(name(), name, Reason.THROTTLED, "rate limit exceeded")
          .retryAfter(Duration.ofSeconds(1));
    }
    LockSupport.parkNanos(latency.toNanos());
  }

  private synchronized boolean admit() {
    long now = System.nanoTime();
    if (now - windowStart >= 1_000_000_000L) {
      windowStart = now;
      admitted = 0;
    }
    return ++admitted <= limit;
  }
}
