package io.kailash.secrets.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cached entries: secret name to a small copy-on-write array of its cached versions.
 *
 * <p>Keyed by name rather than by {@code SecretRef} so that a lookup by name and version allocates
 * nothing and {@link #invalidate(String)} drops every version of a name at once. Secrets rarely
 * have more than two cached versions (current and previous), so a linear scan beats a nested map.
 *
 * <p>Eviction: when an insert takes the size above {@code maxEntries}, one thread sweeps the table:
 * it drops the entries that can no longer be served (past their stale window), then, if still
 * above, the entries closest to expiry (they would need a backend call soonest anyway) until the
 * size is at most {@code maxEntries - maxEntries / 10}. The 10 % head room makes sweeps rare.
 *
 * <p>Every change from a load checks the invalidation {@link #generation()}, so a load that was in
 * flight when its secret was invalidated cannot put the old value back.
 */
final class CacheTable {

  private static final CacheEntry[] NONE = new CacheEntry[0];
  private static final Comparator<CacheEntry> SOONEST_EXPIRY =
      (a, b) -> Long.signum(a.expiresAt - b.expiresAt);

  private final ConcurrentHashMap<String, CacheEntry[]> byName = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong generation = new AtomicLong();
  private final ReentrantLock sweeping = new ReentrantLock();
  private final int maxEntries;
  private final CacheStats stats;

  CacheTable(int maxEntries, CacheStats stats) {
    this.maxEntries = maxEntries;
    this.stats = stats;
  }

  /** The entry for a name and version ({@code null} = current), or {@code null}. */
  CacheEntry get(String name, String version) {
    CacheEntry[] versions = byName.get(name);
    if (versions == null) {
      return null;
    }
    String wanted = version == null ? "" : version;
    for (CacheEntry entry : versions) {
      if (entry.ref.version().equals(wanted)) {
        return entry;
      }
    }
    return null;
  }

  /** Changes with every invalidation; read it before a load and pass it to {@link #put}. */
  long generation() {
    return generation.get();
  }

  /**
   * Stores an entry unless the table was invalidated since {@code loadGeneration}.
   *
   * @return the entry it replaced, or {@code null}
   */
  CacheEntry put(CacheEntry entry, long loadGeneration, long now) {
    CacheEntry[] replaced = new CacheEntry[1];
    byName.compute(
        entry.ref.name(),
        (name, versions) -> {
          if (generation.get() != loadGeneration) {
            return versions;
          }
          CacheEntry[] current = versions == null ? NONE : versions;
          int index = indexOf(current, entry);
          CacheEntry[] updated = Arrays.copyOf(current, current.length + (index < 0 ? 1 : 0));
          if (index < 0) {
            size.incrementAndGet();
            index = current.length;
          } else {
            replaced[0] = current[index];
          }
          updated[index] = entry;
          return updated;
        });
    if (size.get() > maxEntries) {
      evictOverflow(now);
    }
    return replaced[0];
  }

  /** Removes exactly this entry, if it is still cached. */
  boolean remove(CacheEntry entry) {
    boolean[] removed = new boolean[1];
    byName.computeIfPresent(
        entry.ref.name(),
        (name, versions) -> {
          int index = Arrays.asList(versions).indexOf(entry);
          if (index < 0) {
            return versions;
          }
          removed[0] = true;
          size.decrementAndGet();
          CacheEntry[] updated = new CacheEntry[versions.length - 1];
          System.arraycopy(versions, 0, updated, 0, index);
          System.arraycopy(versions, index + 1, updated, index, updated.length - index);
          return updated.length == 0 ? null : updated;
        });
    return removed[0];
  }

  /** Drops every version of {@code name}; returns how many entries that was. */
  int invalidate(String name) {
    generation.incrementAndGet();
    return removeName(name);
  }

  void invalidateAll() {
    generation.incrementAndGet();
    for (String name : byName.keySet()) {
      removeName(name);
    }
  }

  int size() {
    return size.get();
  }

  private int removeName(String name) {
    int[] count = new int[1];
    byName.computeIfPresent(
        name,
        (key, versions) -> {
          count[0] = versions.length;
          size.addAndGet(-versions.length);
          return null;
        });
    return count[0];
  }

  private void evictOverflow(long now) {
    if (!sweeping.tryLock()) {
      return; // another thread is already sweeping
    }
    try {
      int target = maxEntries - maxEntries / 10;
      List<CacheEntry> live = new ArrayList<>(size.get());
      for (CacheEntry[] versions : byName.values()) {
        for (CacheEntry entry : versions) {
          if (entry.mayServeStale(now)) {
            live.add(entry);
          } else {
            evict(entry); // dead: neither fresh nor servable stale
          }
        }
      }
      live.sort(SOONEST_EXPIRY);
      for (int i = 0; i < live.size() && size.get() > target; i++) {
        evict(live.get(i));
      }
    } finally {
      sweeping.unlock();
    }
  }

  private boolean evict(CacheEntry entry) {
    boolean removed = remove(entry);
    if (removed) {
      stats.evicted();
    }
    return removed;
  }

  private static int indexOf(CacheEntry[] versions, CacheEntry entry) {
    for (int i = 0; i < versions.length; i++) {
      if (versions[i].ref.equals(entry.ref)) {
        return i;
      }
    }
    return -1;
  }
}
