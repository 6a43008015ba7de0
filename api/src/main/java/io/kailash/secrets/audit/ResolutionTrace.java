package io.kailash.secrets.audit;

import io.kailash.secrets.SecretRef;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects, for one resolution on the current thread, which provider served each secret and how the
 * cache answered, so that the audit record can say so without widening the {@code SecretProvider}
 * interface.
 *
 * <p>Chains and caches report into it; the runtime (or the agent) opens it around a resolution when
 * audit is on. When no trace is open every report is a cheap no-op.
 */
public final class ResolutionTrace implements AutoCloseable {

  private static final ThreadLocal<ResolutionTrace> CURRENT = new ThreadLocal<>();

  /**
   * Traces open on any thread. why: every cache hit reports into the trace, and with audit off (the
   * default) a read of this counter is cheaper than the thread-local lookup that would find none.
   */
  private static final AtomicInteger OPEN = new AtomicInteger();

  private final ResolutionTrace outer;
  private final Map<SecretRef, String> servedBy = new HashMap<>();
  private final Map<SecretRef, SecretAccessRecord.CacheStatus> cache = new HashMap<>();

  private ResolutionTrace(ResolutionTrace outer) {
    this.outer = outer;
  }

  /** Opens a trace on this thread; close it with try-with-resources. */
  public static ResolutionTrace open() {
    ResolutionTrace trace = new ResolutionTrace(CURRENT.get());
    OPEN.incrementAndGet();
    CURRENT.set(trace);
    return trace;
  }

  /** Reports that {@code provider} served {@code ref}; the innermost report wins. */
  public static void servedBy(SecretRef ref, String provider) {
    if (OPEN.get() == 0) {
      return;
    }
    ResolutionTrace trace = CURRENT.get();
    if (trace != null) {
      trace.servedBy.putIfAbsent(ref, provider);
    }
  }

  /** Reports how the cache answered for {@code ref}. */
  public static void cacheStatus(SecretRef ref, SecretAccessRecord.CacheStatus status) {
    if (OPEN.get() == 0) {
      return;
    }
    ResolutionTrace trace = CURRENT.get();
    if (trace != null) {
      trace.cache.put(ref, status);
    }
  }

  /**
   * Reports for {@code outer} what was reported for {@code inner}: for a provider that renames
   * secrets on their way to its base provider (a tenant view reads {@code acme/db} for {@code db}).
   */
  public static void alias(SecretRef inner, SecretRef outer) {
    if (OPEN.get() == 0) {
      return;
    }
    ResolutionTrace trace = CURRENT.get();
    if (trace != null) {
      String provider = trace.servedBy.get(inner);
      if (provider != null) {
        trace.servedBy.putIfAbsent(outer, provider);
      }
      SecretAccessRecord.CacheStatus status = trace.cache.get(inner);
      if (status != null) {
        trace.cache.put(outer, status);
      }
    }
  }

  /** The provider that served {@code ref}, or empty if none reported. */
  public String providerOf(SecretRef ref) {
    return servedBy.getOrDefault(ref, "");
  }

  public SecretAccessRecord.CacheStatus cacheStatusOf(SecretRef ref) {
    return cache.getOrDefault(ref, SecretAccessRecord.CacheStatus.NONE);
  }

  @Override
  public void close() {
    OPEN.decrementAndGet();
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }
}
