package io.kailash.testing;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The tests' one in-memory provider: values per secret and version set by the test, every call
 * counted and every name read recorded; on demand a secret or every call fails, every call waits
 * until the test releases it or takes a fixed time, and each answered secret is reported to a hook
 * (e.g. to {@code ResolutionTrace}, as a chain does). Batch reads are one call, like a backend that
 * can batch (or, with {@link #readsOneByOne()}, one read per secret); absent secrets are left out
 * of a batch's answer, as the contract says.
 */
public final class MapSecretProvider implements SecretProvider {

  private final String name;
  private final Map<SecretRef, String> values = new ConcurrentHashMap<>();
  private final FailureScript failures = new FailureScript();
  private final AtomicInteger singleCalls = new AtomicInteger();
  private final AtomicInteger batchCalls = new AtomicInteger();
  private final AtomicInteger entered = new AtomicInteger();
  private final List<List<SecretRef>> batches = new CopyOnWriteArrayList<>();
  private final List<String> reads = Collections.synchronizedList(new ArrayList<>());
  private volatile String everyValue;
  private volatile boolean oneByOne;
  private volatile CountDownLatch gate;
  private volatile long latencyNanos;
  private volatile Consumer<SecretRef> onAnswer = ref -> {};

  public MapSecretProvider(String name) {
    this.name = name;
  }

  public MapSecretProvider put(String secret, String value) {
    return put(secret, "", value);
  }

  public MapSecretProvider put(String secret, String version, String value) {
    values.put(new SecretRef(secret, version), value);
    return this;
  }

  /** Each entry as the current version of a secret. */
  public MapSecretProvider putAll(Map<String, String> currentValues) {
    currentValues.forEach(this::put);
    return this;
  }

  /** Every secret that was not {@link #put} is answered with {@code value}. */
  public MapSecretProvider answerEveryName(String value) {
    everyValue = value;
    return this;
  }

  public void remove(String secret) {
    remove(secret, "");
  }

  public void remove(String secret, String version) {
    values.remove(new SecretRef(secret, version));
  }

  /** Removes every value (and {@link #answerEveryName}). */
  public void clear() {
    values.clear();
    everyValue = null;
  }

  /** Every read of {@code secret} fails with {@code reason} ("scripted failure"). */
  public MapSecretProvider failing(String secret, SecretBackendException.Reason reason) {
    failures.secret(secret, reason);
    return this;
  }

  /**
   * Every call fails with {@code reason} until {@link #recover()}; the message contains "the
   * backend did not answer" and "scripted REASON".
   */
  public MapSecretProvider failWith(SecretBackendException.Reason reason) {
    return failWith(reason, scriptedDetail(reason));
  }

  private static String scriptedDetail(SecretBackendException.Reason reason) {
    return "the backend did not answer (scripted " + reason + ")";
  }

  /** Every call fails with {@code reason} and {@code detail} until {@link #recover()}. */
  public MapSecretProvider failWith(SecretBackendException.Reason reason, String detail) {
    failures.everyCall(reason, detail);
    return this;
  }

  /** Every call throws {@code exception} until {@link #recover()}. */
  public MapSecretProvider failWith(RuntimeException exception) {
    failures.everyCall(exception);
    return this;
  }

  /** Ends {@link #failWith} and {@link #failNext}; {@link #failing} secrets stay failing. */
  public void recover() {
    failures.recover();
  }

  /** The next {@code calls} calls fail with {@code reason}, the ones after answer. */
  public MapSecretProvider failNext(int calls, SecretBackendException.Reason reason) {
    failures.nextCalls(calls, reason, scriptedDetail(reason));
    return this;
  }

  /** Every call from now on waits until the returned latch is counted down. */
  public CountDownLatch hold() {
    CountDownLatch latch = new CountDownLatch(1);
    gate = latch;
    return latch;
  }

  /**
   * Batch reads become one {@link #getSecret} call per secret ({@link SecretProvider}'s default),
   * like a backend that cannot batch.
   */
  public MapSecretProvider readsOneByOne() {
    oneByOne = true;
    return this;
  }

  /** Every call takes {@code latency} (parks), like a remote backend; for benchmarks. */
  public MapSecretProvider latency(Duration latency) {
    latencyNanos = latency.toNanos();
    return this;
  }

  /** {@code hook} is called for each secret this provider answers, on the calling thread. */
  public MapSecretProvider onAnswer(Consumer<SecretRef> hook) {
    onAnswer = hook;
    return this;
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

  /** The refs of each {@link #getSecretValues} call, in order. */
  public List<List<SecretRef>> batches() {
    return List.copyOf(batches);
  }

  /** The names asked for, single and batch, in order; live: {@code clear()} it to start afresh. */
  public List<String> reads() {
    return reads;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String getSecret(String secret, String version) {
    singleCalls.incrementAndGet();
    reads.add(secret);
    SecretRef ref = new SecretRef(secret, version);
    enter(secret);
    String value = read(ref);
    if (value == null) {
      throw new SecretNotFoundException(ref, name, "");
    }
    return value;
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    if (oneByOne) {
      return SecretProvider.super.getSecretValues(refs);
    }
    batchCalls.incrementAndGet();
    batches.add(List.copyOf(refs));
    refs.forEach(ref -> reads.add(ref.name()));
    enter(null);
    Map<SecretRef, String> found = new LinkedHashMap<>();
    for (SecretRef ref : refs) {
      String value = read(ref);
      if (value != null) {
        found.put(ref, value);
      }
    }
    return found;
  }

  @Override
  public List<String> listSecrets() {
    TreeSet<String> names = new TreeSet<>();
    values.keySet().forEach(ref -> names.add(ref.name()));
    return List.copyOf(names);
  }

  /** The value, or null when absent; throws a scripted failure for the secret. */
  private String read(SecretRef ref) {
    failures.onRead(name, ref.name());
    String value = values.get(ref);
    if (value == null) {
      value = everyValue;
    }
    if (value != null) {
      onAnswer.accept(ref);
    }
    return value;
  }

  private void enter(String secret) {
    entered.incrementAndGet();
    long latency = latencyNanos;
    if (latency > 0) {
      LockSupport.parkNanos(latency);
    }
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
    failures.onCall(name, secret);
  }
}
