package io.kailash.secrets.cache;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.secrets.resilience.TimeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the wrapped provider for secrets and stores the answers, "not found" included, so that one
 * load can be shared with every thread waiting for it. Runs on the thread leading a single-flight
 * load.
 */
final class CacheLoader {

  private static final Logger LOG = LoggerFactory.getLogger(CacheLoader.class);

  private final SecretProvider delegate;
  private final CachePolicy policy;
  private final CacheTable table;
  private final CacheStats stats;
  private final TimeSource time;
  private final ChangeListeners listeners;

  CacheLoader(
      SecretProvider delegate,
      CachePolicy policy,
      CacheTable table,
      CacheStats stats,
      TimeSource time,
      ChangeListeners listeners) {
    this.delegate = delegate;
    this.policy = policy;
    this.table = table;
    this.stats = stats;
    this.time = time;
    this.listeners = listeners;
  }

  /**
   * Loads one secret.
   *
   * @param seen the entry the caller found (expired, or due for refresh), or {@code null}
   * @return the new entry; an absent one if the provider does not have the secret
   */
  CacheEntry load(SecretRef ref, CacheEntry seen) {
    CacheEntry replaced = replacementOf(ref, seen);
    if (replaced != null) {
      return replaced;
    }
    long generation = table.generation();
    long start = time.nanoTime();
    CacheEntry entry;
    try (ResolutionTrace trace = ResolutionTrace.open()) {
      try {
        String value = delegate.getSecret(ref.name(), ref.version());
        entry = policy.found(ref, value, servedBy(trace, ref), time.nanoTime());
      } catch (SecretNotFoundException notFound) {
        entry = policy.absent(ref, notFound, time.nanoTime());
      }
    } catch (RuntimeException | Error failure) {
      stats.loadFailed(time.nanoTime() - start);
      throw failure;
    }
    stats.loaded(time.nanoTime() - start);
    store(entry, generation);
    return entry;
  }

  /**
   * Loads many secrets with one {@link SecretProvider#getSecretValues} call.
   *
   * @param seen the entries the caller found, by ref (absent key = none)
   * @return an entry for every ref in {@code refs}
   */
  Map<SecretRef, CacheEntry> loadAll(List<SecretRef> refs, Map<SecretRef, CacheEntry> seen) {
    Map<SecretRef, CacheEntry> entries = new HashMap<>();
    List<SecretRef> toFetch = new ArrayList<>();
    for (SecretRef ref : refs) {
      CacheEntry replaced = replacementOf(ref, seen.get(ref));
      if (replaced != null) {
        entries.put(ref, replaced);
      } else {
        toFetch.add(ref);
      }
    }
    if (toFetch.isEmpty()) {
      return entries;
    }
    long generation = table.generation();
    long start = time.nanoTime();
    try (ResolutionTrace trace = ResolutionTrace.open()) {
      Map<SecretRef, String> values = delegate.getSecretValues(toFetch);
      long now = time.nanoTime();
      for (SecretRef ref : toFetch) {
        String value = values.get(ref);
        entries.put(
            ref,
            value != null
                ? policy.found(ref, value, servedBy(trace, ref), now)
                : policy.absent(ref, notFound(ref), now));
      }
    } catch (RuntimeException | Error failure) {
      stats.loadFailed(time.nanoTime() - start);
      throw failure;
    }
    stats.loaded(time.nanoTime() - start);
    for (SecretRef ref : toFetch) {
      store(entries.get(ref), generation);
    }
    return entries;
  }

  /** A fresh entry another thread stored after the caller looked, which makes a load needless. */
  private CacheEntry replacementOf(SecretRef ref, CacheEntry seen) {
    CacheEntry current = table.get(ref.name(), ref.version());
    return current != null && current != seen && current.isFresh(time.nanoTime()) ? current : null;
  }

  private void store(CacheEntry entry, long generation) {
    if (entry.isAbsent() && !policy.cachesAbsence()) {
      return;
    }
    CacheEntry previous = table.put(entry, generation, time.nanoTime());
    // A refresh that changes a value is a rotation; compare values, log only the name.
    if (previous != null && entry.holdsOtherValueThan(previous)) {
      stats.rotated();
      LOG.info("Secret '{}' rotated: provider {} returned a new value", entry.ref, entry.servedBy);
      listeners.changed(entry.ref);
    }
  }

  private String servedBy(ResolutionTrace trace, SecretRef ref) {
    String provider = trace.providerOf(ref);
    return provider.isEmpty() ? delegate.name() : provider;
  }

  private SecretNotFoundException notFound(SecretRef ref) {
    return new SecretNotFoundException(List.of(ref), delegate.providerNames(), "");
  }
}
