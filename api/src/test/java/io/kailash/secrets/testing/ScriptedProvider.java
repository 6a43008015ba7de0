package io.kailash.secrets.testing;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend double: values set by the test, every call counted, and on demand every call fails or
 * blocks until the test releases it.
 */
public final class ScriptedProvider implements SecretProvider {

  private final String name;
  private final Map<SecretRef, String> values = new ConcurrentHashMap<>();
  private final AtomicInteger singleCalls = new AtomicInteger();
  private final AtomicInteger batchCalls = new AtomicInteger();
  private final List<List<SecretRef>> batches = new CopyOnWriteArrayList<>();
  private final AtomicInteger entered = new AtomicInteger();
  private volatile RuntimeException failure;
  private volatile CountDownLatch gate;

  public ScriptedProvider(String name) {
    this.name = name;
  }

  public ScriptedProvider put(String secret, String value) {
    return put(secret, "", value);
  }

  public ScriptedProvider put(String secret, String version, String value) {
    values.put(new SecretRef(secret, version), value);
    return this;
  }

  public void remove(String secret, String version) {
    values.remove(new SecretRef(secret, version));
  }

  /** Every call fails with {@code reason} until {@link #recover()}. */
  public void failWith(SecretBackendException.Reason reason) {
    failWith(new SecretBackendException(name, null, reason, "scripted " + reason));
  }

  public void failWith(RuntimeException exception) {
    failure = exception;
  }

  public void recover() {
    failure = null;
  }

  /** Every call from now on waits until the returned latch is counted down. */
  public CountDownLatch hold() {
    CountDownLatch latch = new CountDownLatch(1);
    gate = latch;
    return latch;
  }

  public int singleCalls() {
    return singleCalls.get();
  }

  public int batchCalls() {
    return batchCalls.get();
  }

  /** Calls of either kind. */
  public int calls() {
    return singleCalls.get() + batchCalls.get();
  }

  /** Calls that have started (and may be waiting at the gate). */
  public int entered() {
    return entered.get();
  }

  public List<List<SecretRef>> batches() {
    return batches;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String getSecret(String secret, String version) {
    singleCalls.incrementAndGet();
    SecretRef ref = new SecretRef(secret, version);
    enter();
    String value = values.get(ref);
    if (value == null) {
      throw new SecretNotFoundException(ref, name, "");
    }
    return value;
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    batchCalls.incrementAndGet();
    batches.add(List.copyOf(refs));
    enter();
    Map<SecretRef, String> found = new LinkedHashMap<>();
    for (SecretRef ref : refs) {
      String value = values.get(ref);
      if (value != null) {
        found.put(ref, value);
      }
    }
    return found;
  }

  @Override
  public List<String> listSecrets() {
    List<String> names = new ArrayList<>();
    values.keySet().forEach(ref -> names.add(ref.name()));
    return names.stream().distinct().sorted().toList();
  }

  private void enter() {
    entered.incrementAndGet();
    CountDownLatch latch = gate;
    if (latch != null) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SecretBackendException(
            name, null, SecretBackendException.Reason.TIMEOUT, "interrupted");
      }
    }
    RuntimeException scripted = failure;
    if (scripted != null) {
      throw scripted;
    }
  }
}
