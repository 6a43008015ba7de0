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
              "startup.jitter",
              "0s",
              "spread a fleet's first backend reads: a read before a random instant within this"
                  + " window after start waits until it (later reads and cache hits never wait)."
                  + " For N JVMs started together against a limit of L requests/s, about N / L"
                  + " seconds with batching keeps under the limit (500 JVMs, 100/s: `10s`, see"
                  + " [benchmarks.md](benchmarks.md#fleet)); off by default because it delays a"
                  + " single JVM's first secret, and a per-host sidecar (`vault.agent`,"
                  + " `aws-agent`) does better"),
          ConfigKey.of(
              "resilience.enabled",
              "auto",
              "timeouts, retries and a circuit breaker around **each provider** of the chain (its"
                  + " own circuit, counters and MBean `type=Provider,name=<provider>`, the name in"
                  + " `providers`: two Vault instances have two); `auto` as for the cache, and"
                  + " never around `env` or `files` unless `true`"),
          ConfigKey.of(
              "resilience.call-timeout",
              "3s",
              "per attempt; must be shorter than each provider's own timeout (`vault.timeout`,"
                  + " `aws.timeout`, `aws-agent.timeout`; `vault-prod.timeout` for a named"
                  + " instance), else a configuration error names both keys; `0` = off. With `chain.on-transient-failure=fall-through`, a provider"
                  + " that is not the last is not retried after a timed-out attempt"),
          ConfigKey.of(
              "resilience.deadline",
              "10s",
              "for all attempts of one read; a backend's `Retry-After` (Vault 429/503, AWS"
                  + " throttling) is waited for when it fits, otherwise the read ends at once"),
          ConfigKey.of(
              "resilience.retry.max-attempts",
              "3",
              "attempts for transient failures: the only retry layer (the Vault provider and the"
                  + " AWS SDK do not retry)"),
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
              "write one audit record per secret of each resolution (never a value); see [Audit"
                  + " records](#audit-records)"),
          ConfigKey.noDefault(
              "audit.file", "(required when `audit.sink` includes `file`) the audit file"),
          ConfigKey.of("audit.max-file-size", "10MB", "roll the file at this size"),
          ConfigKey.of("audit.max-files", "5", "rolled files kept"));

  private LayerKeys() {}

  /** The layer keys with defaults and descriptions, in documentation order. */
  public static List<ConfigKey> described() {
    return KEYS;
  }
}
