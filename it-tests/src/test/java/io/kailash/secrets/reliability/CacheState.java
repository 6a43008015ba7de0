package io.kailash.secrets.reliability;

import java.time.Duration;

/** Where the cache stands when the fault hits; {@link MatrixStack} sets TTL and windows. */
enum CacheState {
  COLD("cold", null),
  STALE_WINDOW("expired, within stale-if-error", Duration.ofMinutes(2)),
  TOO_OLD("older than max-stale", Duration.ofHours(3));

  final String label;

  /** How far the cache's clock moves after a successful read; null: no read first. */
  final Duration ageAfterPriming;

  CacheState(String label, Duration ageAfterPriming) {
    this.label = label;
    this.ageAfterPriming = ageAfterPriming;
  }
}
