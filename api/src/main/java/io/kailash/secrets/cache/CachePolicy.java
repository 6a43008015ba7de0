package io.kailash.secrets.cache;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * When a cached answer is fresh, due for a background refresh, servable stale, or dead.
 *
 * <ul>
 *   <li>A value is fresh for {@code ttl} (current values and moving labels such as {@code
 *       AWSPREVIOUS}) or {@code pinnedTtl} (a version number or id, which never changes), each
 *       multiplied by a random factor in {@code [1 - jitter, 1 + jitter]} so that JVMs started
 *       together do not refresh in lock-step.
 *   <li>At {@code refreshAhead} of that life (0 = never) one background refresh starts.
 *   <li>After expiry, while the backend fails transiently, the value may be served until {@code
 *       expiry + staleIfError}, but never once it is older than {@code maxStale} counted from the
 *       moment it was read from the backend. Beyond that the cache fails closed.
 *   <li>"Not found" is cached for {@code negativeTtl} without jitter (it is short) and never served
 *       stale.
 * </ul>
 */
final class CachePolicy {

  /** Version numbers ({@code 3}, {@code v3}) and ids (UUIDs, 32 hex digits) name fixed values. */
  private static final Pattern PINNED_VERSION =
      Pattern.compile(
          "(?i)v?\\d+|\\p{XDigit}{32}"
              + "|\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

  private final long ttl;
  private final long pinnedTtl;
  private final long negativeTtl;
  private final long staleIfError;
  private final long maxStale;
  private final double refreshAhead;
  private final double jitter;

  CachePolicy(
      Duration ttl,
      Duration pinnedTtl,
      Duration negativeTtl,
      Duration staleIfError,
      Duration maxStale,
      double refreshAhead,
      double jitter) {
    this.ttl = ttl.toNanos();
    this.pinnedTtl = pinnedTtl.toNanos();
    this.negativeTtl = negativeTtl.toNanos();
    this.staleIfError = staleIfError.toNanos();
    this.maxStale = maxStale.toNanos();
    this.refreshAhead = refreshAhead;
    this.jitter = jitter;
  }

  /**
   * Whether a version names a value that never changes. Staging labels ({@code AWSCURRENT}, {@code
   * AWSPREVIOUS}, custom labels) move on rotation, so they follow the normal TTL.
   */
  static boolean isPinned(SecretRef ref) {
    return !ref.isCurrent() && PINNED_VERSION.matcher(ref.version()).matches();
  }

  CacheEntry found(SecretRef ref, String value, String servedBy, long now) {
    if (value == null) {
      throw new IllegalStateException("The provider returned no value for '" + ref + "'");
    }
    long life = jittered(isPinned(ref) ? pinnedTtl : ttl);
    long expiresAt = now + life;
    long refreshAt = refreshAhead > 0 ? now + (long) (life * refreshAhead) : expiresAt;
    long staleUntil = now + Math.max(life, Math.min(life + staleIfError, maxStale));
    return CacheEntry.found(ref, value, servedBy, now, refreshAt, expiresAt, staleUntil);
  }

  CacheEntry absent(SecretRef ref, SecretNotFoundException notFound, long now) {
    return CacheEntry.absent(ref, notFound, now, now + negativeTtl);
  }

  /** Whether "not found" answers are kept at all ({@code negativeTtl > 0}). */
  boolean cachesAbsence() {
    return negativeTtl > 0;
  }

  private long jittered(long nanos) {
    if (jitter == 0) {
      return nanos;
    }
    return (long) (nanos * (1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter)));
  }
}
