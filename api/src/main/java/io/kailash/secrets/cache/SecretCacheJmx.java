package io.kailash.secrets.cache;

/** Adapts a cache and its counters to {@link SecretCacheMXBean}. */
final class SecretCacheJmx implements SecretCacheMXBean {

  private final CachingSecretProvider cache;
  private final CacheStats stats;

  SecretCacheJmx(CachingSecretProvider cache) {
    this.cache = cache;
    this.stats = cache.stats();
  }

  @Override
  public long getHits() {
    return stats.hits();
  }

  @Override
  public long getMisses() {
    return stats.misses();
  }

  @Override
  public long getLoads() {
    return stats.loads();
  }

  @Override
  public long getLoadFailures() {
    return stats.loadFailures();
  }

  @Override
  public long getStaleServes() {
    return stats.staleServes();
  }

  @Override
  public long getNegativeHits() {
    return stats.negativeHits();
  }

  @Override
  public long getEvictions() {
    return stats.evictions();
  }

  @Override
  public long getRotations() {
    return stats.rotations();
  }

  @Override
  public double getAverageLoadTimeMillis() {
    return stats.averageLoadTimeMillis();
  }

  @Override
  public double getMaxLoadTimeMillis() {
    return stats.maxLoadTimeMillis();
  }

  @Override
  public int getSize() {
    return cache.size();
  }

  @Override
  public void invalidate(String name) {
    cache.invalidate(name);
  }

  @Override
  public void invalidateAll() {
    cache.invalidateAll();
  }
}
