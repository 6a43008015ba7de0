package io.kailash.secrets.cache;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one cache, read by JMX and tests. {@link LongAdder}s keep a hit from contending
 * on a shared counter.
 *
 * <p>Per secret asked: {@link #hits()}, {@link #misses()}, {@link #negativeHits()}, {@link
 * #staleServes()}. Per backend call (a batch counts once): {@link #loads()}, {@link
 * #loadFailures()} and the load times.
 */
public final class CacheStats {

  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder negativeHits = new LongAdder();
  private final LongAdder staleServes = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder loadFailures = new LongAdder();
  private final LongAdder loadNanos = new LongAdder();
  private final LongAccumulator maxLoadNanos = new LongAccumulator(Math::max, 0);
  private final LongAdder evictions = new LongAdder();
  private final LongAdder rotations = new LongAdder();

  CacheStats() {}

  void hit() {
    hits.increment();
  }

  void missed(int count) {
    misses.add(count);
  }

  void negativeHit() {
    negativeHits.increment();
  }

  void servedStale() {
    staleServes.increment();
  }

  void loaded(long nanos) {
    loads.increment();
    loadTime(nanos);
  }

  void loadFailed(long nanos) {
    loads.increment();
    loadFailures.increment();
    loadTime(nanos);
  }

  void evicted() {
    evictions.increment();
  }

  void rotated() {
    rotations.increment();
  }

  private void loadTime(long nanos) {
    loadNanos.add(nanos);
    maxLoadNanos.accumulate(nanos);
  }

  /** Secrets served from a fresh cached value. */
  public long hits() {
    return hits.sum();
  }

  /** Secrets that needed a backend load (absent, expired or just invalidated). */
  public long misses() {
    return misses.sum();
  }

  /** Secrets answered "not found" from a cached negative entry. */
  public long negativeHits() {
    return negativeHits.sum();
  }

  /** Expired values served because the backend failed (stale-if-error). */
  public long staleServes() {
    return staleServes.sum();
  }

  /** Backend calls, including refreshes and failed calls. */
  public long loads() {
    return loads.sum();
  }

  public long loadFailures() {
    return loadFailures.sum();
  }

  public long evictions() {
    return evictions.sum();
  }

  /** Refreshes that delivered a value different from the one cached. */
  public long rotations() {
    return rotations.sum();
  }

  public double averageLoadTimeMillis() {
    long count = loads.sum();
    return count == 0 ? 0 : loadNanos.sum() / NANOS_PER_MILLI / count;
  }

  public double maxLoadTimeMillis() {
    return maxLoadNanos.get() / NANOS_PER_MILLI;
  }

  @Override
  public String toString() {
    return "CacheStats[hits="
        + hits()
        + ", misses="
        + misses()
        + ", loads="
        + loads()
        + ", loadFailures="
        + loadFailures()
        + ", staleServes="
        + staleServes()
        + ", negativeHits="
        + negativeHits()
        + ", evictions="
        + evictions()
        + ", rotations="
        + rotations()
        + "]";
  }
}
