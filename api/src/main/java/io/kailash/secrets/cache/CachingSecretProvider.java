package io.kailash.secrets.cache;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNames;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.internal.ForwardingProvider;
import io.kailash.secrets.internal.JmxRegistration;
import io.kailash.secrets.resilience.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache in front of any provider (in the agent, in front of the whole chain).
 *
 * <p>A hit is a map lookup and a read of a coarse clock ({@link HitClock}, renewed every 10 ms by a
 * daemon thread, so no {@code System.nanoTime()}): no lock, no allocation. A miss loads the secret
 * once however many threads ask (single flight); a batch loads all its missing secrets with one
 * {@link SecretProvider#getSecretValues} call. Values are refreshed in the background before they
 * expire, served stale for a bounded time while the backend fails transiently, and "not found" is
 * cached briefly. {@link CachePolicy} and {@link CachingSecretProviderBuilder} document each
 * setting. Listings are not cached: they are rare and must show what the backend has now.
 *
 * <p>A deleted secret is never masked by a stale value: "not found" from the backend replaces the
 * cached value at once. Non-transient failures (access denied, malformed answer) are never served
 * stale either: the cache fails closed.
 *
 * <p>Hand-written rather than Caffeine: the agent jar has a size budget (Caffeine is ~1 MB and
 * would need shading), and the semantics here (stale-if-error bounded by max-stale, negative
 * entries, batch single flight, serving-provider bookkeeping) would sit on top of Caffeine anyway.
 */
public final class CachingSecretProvider extends ForwardingProvider {

  /** The configuration keys under {@code cache.}; {@code enabled} is read by the caller. */
  public static final Set<String> KEYS = CachingSecretProviderBuilder.KEYS;

  private static final Logger LOG = LoggerFactory.getLogger(CachingSecretProvider.class);

  private final CacheStats stats = new CacheStats();
  private final CacheTable table;
  private final CacheLoader loader;
  private final InFlightLoads flights = new InFlightLoads();
  private final RefreshAhead refreshAhead;
  private final TimeSource time;

  /** The coarse clock of hits ({@link HitClock}); {@code time} when a test gave its own clock. */
  private final TimeSource hitTime;

  private final JmxRegistration mbean = new JmxRegistration();
  private final ChangeListeners listeners = new ChangeListeners();

  CachingSecretProvider(CachingSecretProviderBuilder settings) {
    super(settings.delegate);
    this.time = settings.timeSource;
    this.hitTime = HitClock.forHits(time);
    this.table = new CacheTable(settings.maxEntries, stats);
    this.loader = new CacheLoader(delegate, settings.policy(), table, stats, time, listeners);
    this.refreshAhead = new RefreshAhead(settings.refreshExecutor, this::refresh);
  }

  public static CachingSecretProviderBuilder builder(SecretProvider delegate) {
    return new CachingSecretProviderBuilder(delegate);
  }

  /**
   * A cache configured from the keys under {@code cache.} (see {@link #KEYS}).
   *
   * @throws io.kailash.secrets.config.SecretsConfigurationException naming a malformed key
   */
  public static CachingSecretProvider fromSettings(
      SecretProvider delegate, ProviderSettings cacheSettings) {
    return builder(delegate).settings(cacheSettings).build();
  }

  @Override
  public String getSecret(String name, String version) {
    CacheEntry entry = name == null ? null : table.get(name, version);
    if (entry != null) {
      long now = hitTime.nanoTime();
      if (entry.isFresh(now)) {
        return valueOf(serveFresh(entry, now));
      }
    }
    SecretRef ref = new SecretRef(SecretNames.requireValid(name, name()), version);
    stats.missed(1);
    CacheEntry seen = entry;
    return valueOf(resolve(ref, seen, () -> flights.load(ref, r -> loader.load(r, seen))));
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    Map<SecretRef, String> found = new LinkedHashMap<>();
    Map<SecretRef, CacheEntry> missing = new LinkedHashMap<>();
    long now = hitTime.nanoTime();
    for (SecretRef ref : new LinkedHashSet<>(refs)) {
      CacheEntry entry = table.get(ref.name(), ref.version());
      if (entry != null && entry.isFresh(now)) {
        putIfFound(found, serveFresh(entry, now));
      } else {
        SecretNames.requireValid(ref.name(), name());
        missing.put(ref, entry);
      }
    }
    if (missing.isEmpty()) {
      return found;
    }
    stats.missed(missing.size());
    List<SecretRef> toLoad = new ArrayList<>(missing.keySet());
    Map<SecretRef, CompletableFuture<CacheEntry>> loads =
        flights.loadAll(toLoad, led -> loader.loadAll(led, missing));
    for (SecretRef ref : toLoad) {
      putIfFound(found, resolve(ref, missing.get(ref), () -> InFlightLoads.await(loads.get(ref))));
    }
    return found;
  }

  /** Drops every cached version of {@code name}; loads in flight for it are not cached. */
  public void invalidate(String name) {
    int dropped = table.invalidate(name);
    LOG.info("Invalidated {} cached version(s) of secret '{}'", dropped, name);
  }

  /** Drops every cached secret; loads in flight are not cached. */
  public void invalidateAll() {
    table.invalidateAll();
    LOG.info("Invalidated every cached secret");
  }

  /**
   * Calls {@code listener} with the name (never the value) of each cached secret whose value
   * changes on a refresh or reload; see {@link SecretChangeListener}. The MBean sends the same as
   * JMX notifications.
   */
  public void addChangeListener(SecretChangeListener listener) {
    listeners.add(listener);
  }

  public void removeChangeListener(SecretChangeListener listener) {
    listeners.remove(listener);
  }

  /** The number of cached entries (values and "not found" answers). */
  public int size() {
    return table.size();
  }

  public CacheStats stats() {
    return stats;
  }

  /**
   * Registers this cache as {@code io.kailash.secrets:type=SecretCache} (with an {@code instance}
   * suffix if another cache took that name). A JMX failure is logged, never thrown.
   *
   * @return the name registered, or empty if JMX refused
   */
  public Optional<ObjectName> registerMBean() {
    return mbean.register("type=SecretCache", new SecretCacheJmx(this));
  }

  public void unregisterMBean() {
    mbean.unregister();
  }

  private CacheEntry serveFresh(CacheEntry entry, long now) {
    if (entry.isAbsent()) {
      stats.negativeHit();
      ResolutionTrace.cacheStatus(entry.ref, CacheStatus.NEGATIVE_HIT);
      return entry;
    }
    if (entry.refreshDue(now)) {
      refreshAhead.start(entry);
    }
    stats.hit();
    report(entry, CacheStatus.HIT);
    return entry;
  }

  /**
   * Runs a load (or waits for one) and applies stale-if-error to its failure.
   *
   * @param seen the expired entry the caller found, or {@code null}
   * @return the loaded entry, possibly absent, or {@code seen} served stale
   */
  private CacheEntry resolve(SecretRef ref, CacheEntry seen, Supplier<CacheEntry> load) {
    CacheEntry loaded;
    try {
      loaded = load.get();
    } catch (SecretBackendException failure) {
      return staleOrThrow(seen, failure);
    }
    if (loaded.isAbsent()) {
      ResolutionTrace.cacheStatus(ref, CacheStatus.MISS);
      if (seen != null) {
        table.remove(seen); // deleted in the backend: never served again
      }
    } else {
      report(loaded, CacheStatus.MISS);
    }
    return loaded;
  }

  private CacheEntry staleOrThrow(CacheEntry seen, SecretBackendException failure) {
    long now = time.nanoTime();
    if (seen != null && !seen.isAbsent() && failure.isTransient() && seen.mayServeStale(now)) {
      stats.servedStale();
      report(seen, CacheStatus.STALE);
      LOG.warn(
          "Serving secret '{}' stale, {} s past its expiry, because the backend failed: {}",
          seen.ref,
          Duration.ofNanos(now - seen.expiresAt).toSeconds(),
          failure.getMessage());
      return seen;
    }
    if (seen != null) {
      table.remove(seen); // beyond its stale window, or the failure is not transient: fail closed
    }
    throw failure;
  }

  /** The background refresh started by {@link RefreshAhead}. */
  private void refresh(CacheEntry entry) {
    try {
      if (flights.load(entry.ref, ref -> loader.load(ref, entry)).isAbsent()) {
        table.remove(entry); // deleted in the backend
      }
    } catch (RuntimeException failure) {
      LOG.warn(
          "Background refresh of secret '{}' failed; the cached value is served until it"
              + " expires: {}",
          entry.ref,
          failure.getMessage());
    }
  }

  private static String valueOf(CacheEntry entry) {
    if (entry.isAbsent()) {
      throw entry.notFound();
    }
    return entry.value();
  }

  private static void report(CacheEntry entry, CacheStatus status) {
    ResolutionTrace.cacheStatus(entry.ref, status);
    ResolutionTrace.servedBy(entry.ref, entry.servedBy);
  }

  /** Absent secrets have no entry in a batch result. */
  private static void putIfFound(Map<SecretRef, String> found, CacheEntry entry) {
    if (!entry.isAbsent()) {
      found.put(entry.ref, entry.value());
    }
  }
}
