package io.kailash.benchmarks;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/** A backend for benchmarks: fixed values, an optional fixed latency, and a call counter. */
final class InMemoryBackend implements SecretProvider {

  private final Map<String, String> values = new ConcurrentHashMap<>();
  private final long latencyNanos;
  private final LongAdder calls = new LongAdder();

  InMemoryBackend(long latency, TimeUnit unit) {
    this.latencyNanos = unit.toNanos(latency);
  }

  InMemoryBackend put(String name, String value) {
    values.put(name, value);
    return this;
  }

  long calls() {
    return calls.sum();
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String getSecret(String name, String version) {
    calls.increment();
    if (latencyNanos > 0) {
      LockSupport.parkNanos(latencyNanos);
    }
    String value = values.get(name);
    if (value == null) {
      throw new SecretNotFoundException(SecretRef.current(name), name(), "");
    }
    return value;
  }

  @Override
  public List<String> listSecrets() {
    return values.keySet().stream().sorted().toList();
  }
}
