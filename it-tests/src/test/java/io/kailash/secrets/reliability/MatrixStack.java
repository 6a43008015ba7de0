package io.kailash.secrets.reliability;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretProviderException;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.secrets.resilience.ResilientSecretProvider;
import io.kailash.testing.FakeTimeSource;
import java.time.Duration;

/**
 * The agent's layers around one provider, with the matrix's short timeouts: cache (TTL 1 min,
 * stale-if-error 1 h, max-stale 2 h, on a manual clock) over resilience (3 attempts, 1 ms backoff,
 * real clock) over the provider.
 */
final class MatrixStack {

  static final String SECRET = "app/db";

  final FakeTimeSource clock = new FakeTimeSource();
  final ResilientSecretProvider resilient;
  final CachingSecretProvider cache;
  private final MatrixSettings settings;

  MatrixStack(SecretProvider provider, MatrixSettings settings) {
    this.settings = settings;
    resilient =
        ResilientSecretProvider.builder(provider)
            .callTimeout(settings.callTimeout())
            .deadline(settings.deadline())
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(1))
            .retryJitter(0)
            .failureThreshold(100)
            .build();
    cache =
        CachingSecretProvider.builder(resilient)
            .ttl(Duration.ofMinutes(1))
            .staleIfError(Duration.ofHours(1))
            .maxStale(Duration.ofHours(2))
            .refreshAhead(0)
            .jitter(0)
            .negativeTtl(Duration.ZERO)
            .timeSource(clock)
            .build();
  }

  /** Reads once successfully and ages the entry, as {@code state} asks. */
  void prime(CacheState state) {
    if (state.ageAfterPriming != null) {
      cache.getSecret(SECRET);
      clock.advance(state.ageAfterPriming);
    }
  }

  /**
   * Reads under the fault.
   *
   * @param requestsSent counts the requests the read sent, after it
   */
  Outcome read(java.util.function.IntSupplier requestsSent) {
    long stale = cache.stats().staleServes();
    long attempts = resilient.stats().attempts();
    long start = System.nanoTime();
    String answer;
    try {
      cache.getSecret(SECRET);
      answer = cache.stats().staleServes() > stale ? "stale value" : "value";
    } catch (SecretBackendException e) {
      answer = "SecretBackendException " + e.reason(); // the type the application catches
    } catch (SecretProviderException e) {
      answer = e.getClass().getSimpleName();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Outcome(
        requestsSent.getAsInt(),
        (int) (resilient.stats().attempts() - attempts),
        took,
        answer,
        cache.stats().staleServes() > stale);
  }

  Duration callTimeout() {
    return settings.callTimeout();
  }
}
