package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.resilience.CircuitBreaker;
import io.kailash.secrets.resilience.ResilientSecretProvider;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An open circuit fails fast with a transient failure, which the cache answers with stale values.
 */
class CacheWithCircuitBreakerTest {

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MapSecretProvider backend = new MapSecretProvider("vault").put("db/password", "pw");
  private final ResilientSecretProvider guarded =
      ResilientSecretProvider.builder(backend)
          .maxAttempts(1)
          .callTimeout(Duration.ZERO)
          .failureThreshold(2)
          .openDuration(Duration.ofMinutes(1))
          .timeSource(clock)
          .build();
  private final CachingSecretProvider cache =
      CachingSecretProvider.builder(guarded)
          .ttl(Duration.ofMinutes(5))
          .refreshAhead(0)
          .jitter(0)
          .timeSource(clock)
          .build();

  @Test
  void staleValuesAreServedWithoutCallingTheBackendWhileTheCircuitIsOpen() {
    cache.getSecret("db/password");
    backend.failWith(Reason.UNAVAILABLE);
    clock.advance(Duration.ofMinutes(6));

    for (int i = 0; i < 10; i++) {
      assertThat(cache.getSecret("db/password")).isEqualTo("pw");
    }

    assertThat(guarded.circuit().state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(backend.calls()).as("1 load, then 2 failures opened the circuit").isEqualTo(3);
    assertThat(guarded.stats().fastFailures()).isEqualTo(8);
    assertThat(cache.stats().staleServes()).isEqualTo(10);

    backend.recover();
    clock.advance(Duration.ofMinutes(1));
    assertThat(cache.getSecret("db/password")).isEqualTo("pw");
    assertThat(guarded.circuit().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(cache.stats().staleServes()).isEqualTo(10);
  }
}
