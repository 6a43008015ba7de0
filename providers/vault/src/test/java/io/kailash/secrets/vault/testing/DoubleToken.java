package io.kailash.secrets.vault.testing;

import java.time.Duration;

/** A token the double issued, with a lease timed by the double's clock. */
final class DoubleToken {

  final String id;
  final String accessor;
  final String path;
  final TokenSpec spec;
  final long issuedAt;
  private long leaseStart;
  private Duration lease;
  private boolean revoked;

  DoubleToken(String id, String accessor, String path, TokenSpec spec, long now) {
    this.id = id;
    this.accessor = accessor;
    this.path = path;
    this.spec = spec;
    this.issuedAt = now;
    this.leaseStart = now;
    this.lease = spec.ttl();
  }

  synchronized boolean validAt(long now) {
    return !revoked && (lease.isZero() || now - leaseStart < lease.toNanos());
  }

  synchronized void revoke() {
    revoked = true;
  }

  /** Seconds left; 0 for a token without expiry. */
  synchronized long ttlSeconds(long now) {
    return lease.isZero()
        ? 0
        : Math.max(0, (lease.toNanos() - (now - leaseStart)) / 1_000_000_000L);
  }

  /**
   * Renews to the spec's TTL, capped at the max TTL counted from issue.
   *
   * @return the new lease in seconds
   */
  synchronized long renew(long now) {
    Duration next = spec.ttl();
    if (!spec.maxTtl().isZero()) {
      Duration left = spec.maxTtl().minusNanos(now - issuedAt);
      if (left.compareTo(next) < 0) {
        next = left.isNegative() ? Duration.ZERO : left;
      }
    }
    leaseStart = now;
    lease = next.isZero() ? Duration.ofNanos(1) : next;
    return next.toSeconds();
  }

  synchronized boolean cappedAt(long now) {
    return !spec.maxTtl().isZero()
        && spec.maxTtl().minusNanos(now - issuedAt).compareTo(spec.ttl()) < 0;
  }
}
