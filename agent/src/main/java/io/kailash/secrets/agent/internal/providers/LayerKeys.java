package io.kailash.secrets.agent.internal.providers;

import io.kailash.secrets.config.ConfigKey;
import java.util.List;

/**
 * The defaults and descriptions of the layer keys {@link ProviderChainAssembler#layerKeys()} owns
 * ({@code chain.*}, {@code cache.*}, {@code resilience.*}, {@code audit.*}), for the generated key
 * table in docs/configuration.md. A key added to a layer's builder needs one line here, or
 * ConfigurationReferenceTest fails naming it.
 */
public final class LayerKeys {

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.of(
              "chain.on-transient-failure",
              "fail",
              "with several providers: a provider that is unreachable, slow, throttled or failing"
                  + " (5xx) fails the read (`fail`) or the next provider is asked"
                  + " (`fall-through`); not found always falls through, access denied never does"),
          ConfigKey.of(
              "cache.enabled",
              "auto",
              "a cache in front of the chain; `auto`: on when the chain has a provider other than"
                  + " `env` and `files` (reading the environment or a local file needs no cache, a"
                  + " cache would delay a mounted secret's update by its TTL, and the cache's first"
                  + " use costs start-up time)"),
          ConfigKey.of("cache.ttl", "5m", "how long a value is served"),
          ConfigKey.of("cache.max-entries", "10000", "cache size"),
          ConfigKey.of(
              "cache.refresh-ahead",
              "0.8",
              "refresh in the background after this fraction of the TTL (`0` = off)"),
          ConfigKey.of(
              "cache.stale-if-error",
              "1h",
              "serve an expired value this long while the backend fails"),
          ConfigKey.of("cache.max-stale", "24h", "never serve a value older than this"),
          ConfigKey.of("cache.negative-ttl", "30s", "cache \"not found\" this long (`0` = off)"),
          ConfigKey.of("cache.pinned-ttl", "1h", "TTL of values read by pinned version"),
          ConfigKey.of("cache.jitter", "0.1", "random spread of TTLs"),
          ConfigKey.of(
              "resilience.enabled",
              "auto",
              "timeouts, retries and a circuit breaker around the chain; `auto` as for the cache"),
          ConfigKey.of("resilience.call-timeout", "5s", "per backend call"),
          ConfigKey.of("resilience.deadline", "10s", "for all attempts of one read"),
          ConfigKey.of("resilience.retry.max-attempts", "3", "attempts for transient failures"),
          ConfigKey.of(
              "resilience.retry.initial-backoff", "100ms", "first backoff between attempts"),
          ConfigKey.of("resilience.retry.max-backoff", "2s", "longest backoff between attempts"),
          ConfigKey.of("resilience.retry.jitter", "0.2", "random spread of backoffs"),
          ConfigKey.of(
              "resilience.circuit.failure-threshold", "5", "failures that open the circuit"),
          ConfigKey.of(
              "resilience.circuit.open-duration",
              "30s",
              "how long the circuit stays open before a probe"),
          ConfigKey.of(
              "audit.enabled",
              "false",
              "write one JSON line per resolved secret (never a value) to `audit.file`"),
          ConfigKey.noDefault("audit.file", "(required with `audit.enabled`) the audit file"),
          ConfigKey.of("audit.max-file-size", "10MB", "roll the file at this size"),
          ConfigKey.of("audit.max-files", "5", "rolled files kept"));

  private LayerKeys() {}

  /** The layer keys with defaults and descriptions, in documentation order. */
  public static List<ConfigKey> described() {
    return KEYS;
  }
}
