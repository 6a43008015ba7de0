package io.kailash.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * A client token and its lease, timed with a monotonic clock ({@link
 * io.kailash.secrets.resilience.TimeSource#nanoTime()}).
 *
 * @param token the client token; never shown (see {@link #toString()})
 * @param renewable whether renew-self may extend it; false once Vault capped a renewal at the
 *     token's max TTL, so that the next refresh logs in again instead
 * @param lease how long it is valid from {@code issuedAt}; zero means it does not expire
 * @param granted the lease Vault granted at login; a renewal shorter than that was capped
 * @param issuedAt when the lease started, in {@code nanoTime} units
 */
record TokenLease(
    String token, boolean renewable, Duration lease, Duration granted, long issuedAt) {

  /** A token of unknown lease (a configured static token): used as is, never renewed. */
  static TokenLease unmanaged(String token) {
    return new TokenLease(token, false, Duration.ZERO, Duration.ZERO, 0);
  }

  /**
   * Reads the {@code auth} object of a login answer.
   *
   * @return null when it has no {@code client_token}
   */
  static TokenLease fromLogin(JsonNode auth, long now) {
    String token = auth.path("client_token").asText("");
    if (token.isEmpty()) {
      return null;
    }
    Duration lease = Duration.ofSeconds(auth.path("lease_duration").asLong(0));
    return new TokenLease(token, auth.path("renewable").asBoolean(false), lease, lease, now);
  }

  /** The lease after a renew-self answer whose {@code auth} object is {@code auth}. */
  TokenLease renewed(JsonNode auth, long now) {
    Duration newLease = Duration.ofSeconds(auth.path("lease_duration").asLong(0));
    boolean capped = newLease.compareTo(granted) < 0;
    boolean stillRenewable = auth.path("renewable").asBoolean(false) && !capped;
    return new TokenLease(token, stillRenewable, newLease, granted, now);
  }

  /** Whether it expires at all. */
  boolean expires() {
    return !lease.isZero();
  }

  /** At two thirds of the lease: early enough that a slow renewal still finishes in time. */
  boolean refreshDue(long now) {
    return expires() && now - issuedAt >= lease.toNanos() / 3 * 2;
  }

  boolean expired(long now) {
    return expires() && now - issuedAt >= lease.toNanos();
  }

  @Override
  public String toString() {
    return "TokenLease[renewable=" + renewable + ", lease=" + lease + "]";
  }
}
