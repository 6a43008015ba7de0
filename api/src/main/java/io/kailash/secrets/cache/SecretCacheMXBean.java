package io.kailash.secrets.cache;

/**
 * The JMX view of a {@link CachingSecretProvider}, registered as {@code
 * io.kailash.secrets:type=SecretCache} by {@link CachingSecretProvider#registerMBean()}.
 */
public interface SecretCacheMXBean {

  long getHits();

  long getMisses();

  long getLoads();

  long getLoadFailures();

  long getStaleServes();

  long getNegativeHits();

  long getEvictions();

  long getRotations();

  double getAverageLoadTimeMillis();

  double getMaxLoadTimeMillis();

  int getSize();

  /** Drops every cached version of a secret; the next request reads it from the backend. */
  void invalidate(String name);

  /** Drops every cached secret. */
  void invalidateAll();
}
