package io.kailash.secrets.cache;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One cached answer for a {@link SecretRef}: a value, or "not found" (a negative entry).
 *
 * <p>Immutable apart from the refresh-ahead claim, so a hit reads final fields without a lock. All
 * instants are {@link io.kailash.secrets.resilience.TimeSource#nanoTime()} readings and are
 * compared by subtraction, which stays correct when nanoTime wraps.
 */
final class CacheEntry {

  final SecretRef ref;
  private final String value;
  private final SecretNotFoundException absence;

  /** The provider (chain member) that served the value, for audit records. */
  final String servedBy;

  final long loadedAt;
  private final long refreshAt;
  final long expiresAt;
  private final long staleUntil;
  private final AtomicBoolean refreshClaimed = new AtomicBoolean();

  private CacheEntry(
      SecretRef ref,
      String value,
      SecretNotFoundException absence,
      String servedBy,
      long loadedAt,
      long refreshAt,
      long expiresAt,
      long staleUntil) {
    this.ref = ref;
    this.value = value;
    this.absence = absence;
    this.servedBy = servedBy;
    this.loadedAt = loadedAt;
    this.refreshAt = refreshAt;
    this.expiresAt = expiresAt;
    this.staleUntil = staleUntil;
  }

  static CacheEntry found(
      SecretRef ref,
      String value,
      String servedBy,
      long loadedAt,
      long refreshAt,
      long expiresAt,
      long staleUntil) {
    return new CacheEntry(ref, value, null, servedBy, loadedAt, refreshAt, expiresAt, staleUntil);
  }

  /** A "not found" answer; it is never served stale. */
  static CacheEntry absent(
      SecretRef ref, SecretNotFoundException absence, long loadedAt, long expiresAt) {
    return new CacheEntry(ref, null, absence, "", loadedAt, expiresAt, expiresAt, expiresAt);
  }

  boolean isAbsent() {
    return value == null;
  }

  /** The value; only for entries that are not {@link #isAbsent() absent}. */
  String value() {
    return value;
  }

  /** A fresh copy of the cached "not found", so each caller gets its own stack trace. */
  SecretNotFoundException notFound() {
    return absence.withProvidersTried(absence.providersTried());
  }

  boolean isFresh(long now) {
    return now - expiresAt < 0;
  }

  /** Whether a fresh entry is old enough for a background refresh. */
  boolean refreshDue(long now) {
    return now - refreshAt >= 0;
  }

  /** Whether this caller is the one that starts the background refresh (at most one per entry). */
  boolean claimRefresh() {
    return !refreshClaimed.get() && refreshClaimed.compareAndSet(false, true);
  }

  /** Whether an expired entry may still be served while the backend fails. */
  boolean mayServeStale(long now) {
    return now - staleUntil < 0;
  }

  /** Whether both entries hold a value and the values differ (a rotation). */
  boolean holdsOtherValueThan(CacheEntry other) {
    return !isAbsent() && !other.isAbsent() && !value.equals(other.value);
  }

  /** Names the secret and the entry's kind, never the value. */
  @Override
  public String toString() {
    return "CacheEntry[" + ref + (isAbsent() ? ", not found]" : ", value]");
  }
}
