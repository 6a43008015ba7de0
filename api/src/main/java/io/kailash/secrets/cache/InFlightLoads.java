package io.kailash.secrets.cache;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Single flight: the loads in progress, one per secret, so that any number of threads asking for
 * the same missing secret cause one backend call and wait for its result (or its failure).
 *
 * <p>The thread that registers a load first leads it and runs the loader on its own thread. The
 * loader stores its result in the table before the load is unregistered here, so a thread that
 * arrives after the load finished finds the new entry; the loaders re-check the table for that.
 */
final class InFlightLoads {

  /** Loads a batch of secrets at once; the result holds an entry for every ref asked. */
  interface BatchLoader {
    Map<SecretRef, CacheEntry> load(List<SecretRef> refs);
  }

  private final ConcurrentHashMap<SecretRef, CompletableFuture<CacheEntry>> loads =
      new ConcurrentHashMap<>();

  /** Loads one secret, or waits for the load another thread is running. */
  CacheEntry load(SecretRef ref, Function<SecretRef, CacheEntry> loader) {
    CompletableFuture<CacheEntry> mine = new CompletableFuture<>();
    CompletableFuture<CacheEntry> running = loads.putIfAbsent(ref, mine);
    if (running != null) {
      return await(running);
    }
    try {
      CacheEntry entry = loader.apply(ref);
      finish(ref, mine, entry, null);
      return entry;
    } catch (RuntimeException | Error failure) {
      finish(ref, mine, null, failure);
      throw failure;
    }
  }

  /**
   * Loads many secrets with one call of {@code loader} for those no other thread is loading.
   *
   * @return a completed or running load per ref; await each with {@link #await}
   */
  Map<SecretRef, CompletableFuture<CacheEntry>> loadAll(List<SecretRef> refs, BatchLoader loader) {
    Map<SecretRef, CompletableFuture<CacheEntry>> result = new LinkedHashMap<>();
    List<SecretRef> led = new ArrayList<>();
    for (SecretRef ref : refs) {
      CompletableFuture<CacheEntry> mine = new CompletableFuture<>();
      CompletableFuture<CacheEntry> running = loads.putIfAbsent(ref, mine);
      result.put(ref, running == null ? mine : running);
      if (running == null) {
        led.add(ref);
      }
    }
    if (led.isEmpty()) {
      return result;
    }
    Map<SecretRef, CacheEntry> entries = null;
    Throwable failure = null;
    try {
      entries = loader.load(led);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    // Every led load is finished whatever happened, or its waiters would wait forever.
    for (SecretRef ref : led) {
      finish(ref, result.get(ref), entries == null ? null : entries.get(ref), failure);
    }
    return result;
  }

  /** The entry a load produced; rethrows its failure on the waiting thread. */
  static CacheEntry await(CompletableFuture<CacheEntry> load) {
    try {
      return load.join();
    } catch (CompletionException wrapped) {
      Throwable cause = wrapped.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("A secret load failed", cause);
    }
  }

  private void finish(
      SecretRef ref, CompletableFuture<CacheEntry> load, CacheEntry entry, Throwable failure) {
    loads.remove(ref, load);
    if (failure != null) {
      load.completeExceptionally(failure);
    } else if (entry != null) {
      load.complete(entry);
    } else {
      load.completeExceptionally(
          new SecretBackendException(
              "cache",
              ref.name(),
              SecretBackendException.Reason.INTERNAL,
              "the batch load returned no entry for '" + ref + "'"));
    }
  }
}
