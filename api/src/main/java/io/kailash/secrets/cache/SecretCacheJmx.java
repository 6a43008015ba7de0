package io.kailash.secrets.cache;

import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;

/**
 * Adapts a cache and its counters to {@link SecretCacheMXBean}, and sends a notification of type
 * {@value #SECRET_CHANGED} (message and user data: the secret's name, never its value) when a
 * cached value changes, so that an application can react to rotations of the agent's cache.
 */
final class SecretCacheJmx extends NotificationBroadcasterSupport implements SecretCacheMXBean {

  /** The notification type sent when a cached secret's value changed. */
  static final String SECRET_CHANGED = "io.kailash.secrets.secret-changed";

  private final CachingSecretProvider cache;
  private final CacheStats stats;
  private final AtomicLong sequence = new AtomicLong();

  SecretCacheJmx(CachingSecretProvider cache) {
    super(
        new MBeanNotificationInfo(
            new String[] {SECRET_CHANGED},
            Notification.class.getName(),
            "A cached secret's value changed; the message is its name"));
    this.cache = cache;
    this.stats = cache.stats();
    cache.addChangeListener(
        secret -> {
          Notification changed =
              new Notification(SECRET_CHANGED, this, sequence.incrementAndGet(), secret.toString());
          changed.setUserData(secret.name());
          sendNotification(changed);
        });
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
