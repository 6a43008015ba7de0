package io.kailash.secrets.cache;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SettingsSupport;
import io.kailash.secrets.internal.KeyBindings;
import io.kailash.secrets.resilience.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Configures a {@link CachingSecretProvider}. Every setting has a default; the configuration key
 * under {@code cache.} is given with each.
 */
public final class CachingSecretProviderBuilder {

  /**
   * The configuration keys under {@code cache.}: a literal, so that the agent's key catalog reads
   * them in premain without creating the bindings' method references (a lambda bootstrap per
   * setter); {@link #boundKeys} must give the same set (tested).
   */
  public static final Set<String> KEYS =
      Set.of(
          "enabled",
          "ttl",
          "max-entries",
          "refresh-ahead",
          "stale-if-error",
          "max-stale",
          "negative-ttl",
          "pinned-ttl",
          "jitter");

  /**
   * Each key under {@code cache.} with its setter, made on first use; {@code enabled} is read by
   * the caller.
   */
  private static final class Bindings {
    static final KeyBindings<CachingSecretProviderBuilder> SETTINGS =
        new KeyBindings<CachingSecretProviderBuilder>()
            .duration("ttl", CachingSecretProviderBuilder::ttl)
            .integer("max-entries", CachingSecretProviderBuilder::maxEntries)
            .fraction("refresh-ahead", CachingSecretProviderBuilder::refreshAhead)
            .duration("stale-if-error", CachingSecretProviderBuilder::staleIfError)
            .duration("max-stale", CachingSecretProviderBuilder::maxStale)
            .duration("negative-ttl", CachingSecretProviderBuilder::negativeTtl)
            .duration("pinned-ttl", CachingSecretProviderBuilder::pinnedTtl)
            .fraction("jitter", CachingSecretProviderBuilder::jitter);
  }

  /** The keys the bindings apply, with {@code enabled}: equal to {@link #KEYS}. */
  static Set<String> boundKeys() {
    return Bindings.SETTINGS.keys("enabled");
  }

  final SecretProvider delegate;
  Duration ttl = Duration.ofMinutes(5);
  int maxEntries = 10_000;
  double refreshAhead = 0.8;
  Duration staleIfError = Duration.ofHours(1);
  Duration maxStale = Duration.ofHours(24);
  Duration negativeTtl = Duration.ofSeconds(30);
  Duration pinnedTtl = Duration.ofHours(1);
  double jitter = 0.1;
  TimeSource timeSource = TimeSource.system();
  Executor refreshExecutor;

  CachingSecretProviderBuilder(SecretProvider delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** How long a current value is fresh ({@code cache.ttl}, default 5m). */
  public CachingSecretProviderBuilder ttl(Duration ttl) {
    this.ttl = SettingsSupport.positive(ttl, "ttl");
    return this;
  }

  /** How many entries the cache holds before it evicts ({@code cache.max-entries}, 10000). */
  public CachingSecretProviderBuilder maxEntries(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("max-entries must be at least 1, was " + maxEntries);
    }
    this.maxEntries = maxEntries;
    return this;
  }

  /**
   * The fraction of a value's life after which a hit starts one background refresh ({@code
   * cache.refresh-ahead}, default 0.8); 0 turns refresh-ahead off.
   */
  public CachingSecretProviderBuilder refreshAhead(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "refresh-ahead must be at least 0 (off) and below 1, was " + fraction);
    }
    this.refreshAhead = fraction;
    return this;
  }

  /**
   * How long past its expiry a value is still served while the backend fails transiently ({@code
   * cache.stale-if-error}, default 1h; 0 = never). Every such serve is logged and counted.
   */
  public CachingSecretProviderBuilder staleIfError(Duration window) {
    this.staleIfError = SettingsSupport.notNegative(window, "stale-if-error");
    return this;
  }

  /**
   * The oldest a value may be, counted from when it was read from the backend, to be served stale
   * ({@code cache.max-stale}, default 24h). Beyond it the cache fails closed, whatever {@code
   * stale-if-error} says.
   */
  public CachingSecretProviderBuilder maxStale(Duration maxStale) {
    this.maxStale = SettingsSupport.notNegative(maxStale, "max-stale");
    return this;
  }

  /** How long "not found" is cached ({@code cache.negative-ttl}, default 30s; 0 = never). */
  public CachingSecretProviderBuilder negativeTtl(Duration negativeTtl) {
    this.negativeTtl = SettingsSupport.notNegative(negativeTtl, "negative-ttl");
    return this;
  }

  /**
   * How long a pinned version (a number such as {@code 3} or {@code v3}, or a version id) is fresh
   * ({@code cache.pinned-ttl}, default 1h). Labels such as {@code AWSPREVIOUS} move on rotation and
   * follow {@link #ttl}.
   */
  public CachingSecretProviderBuilder pinnedTtl(Duration pinnedTtl) {
    this.pinnedTtl = SettingsSupport.positive(pinnedTtl, "pinned-ttl");
    return this;
  }

  /**
   * The random spread of every TTL ({@code cache.jitter}, default 0.1: each entry lives between 90
   * % and 110 % of its TTL), so that JVMs started together do not refresh in lock-step.
   */
  public CachingSecretProviderBuilder jitter(double jitter) {
    if (!(jitter >= 0 && jitter <= 0.5)) {
      throw new IllegalArgumentException("jitter must be between 0 and 0.5, was " + jitter);
    }
    this.jitter = jitter;
    return this;
  }

  public CachingSecretProviderBuilder timeSource(TimeSource timeSource) {
    this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
    return this;
  }

  /**
   * Where background refreshes run; default: a shared pool of two daemon threads named {@code
   * kailash-secrets-refresh-N}.
   */
  public CachingSecretProviderBuilder refreshExecutor(Executor executor) {
    this.refreshExecutor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /** Applies every key of {@link CachingSecretProvider#KEYS} present in {@code cache}. */
  public CachingSecretProviderBuilder settings(ProviderSettings cache) {
    Bindings.SETTINGS.apply(cache, this);
    return this;
  }

  public CachingSecretProvider build() {
    return new CachingSecretProvider(this);
  }

  CachePolicy policy() {
    return new CachePolicy(
        ttl, pinnedTtl, negativeTtl, staleIfError, maxStale, refreshAhead, jitter);
  }
}
