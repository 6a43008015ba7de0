package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import io.kailash.testing.StderrCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StaleIfErrorTest {

  private static final String VALUE = "s3cr3t-db-password";

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MapSecretProvider backend =
      new MapSecretProvider("vault").put("db/password", VALUE);

  private CachingSecretProvider cache(Duration staleIfError, Duration maxStale) {
    CachingSecretProvider cache =
        CachingSecretProvider.builder(backend)
            .ttl(Duration.ofMinutes(5))
            .refreshAhead(0)
            .jitter(0)
            .staleIfError(staleIfError)
            .maxStale(maxStale)
            .timeSource(clock)
            .build();
    cache.getSecret("db/password");
    return cache;
  }

  @Test
  void servesTheExpiredValueWhileTheBackendFailsWithinTheWindow() {
    CachingSecretProvider cache = cache(Duration.ofHours(1), Duration.ofHours(24));
    backend.failWith(Reason.UNAVAILABLE);
    clock.advance(Duration.ofMinutes(5 + 59));

    try (StderrCapture logs = new StderrCapture();
        ResolutionTrace trace = ResolutionTrace.open()) {
      assertThat(cache.getSecret("db/password")).isEqualTo(VALUE);
      assertThat(cache.getSecret("db/password")).isEqualTo(VALUE);

      SecretRef ref = SecretRef.current("db/password");
      assertThat(trace.cacheStatusOf(ref)).isEqualTo(CacheStatus.STALE);
      assertThat(trace.providerOf(ref)).isEqualTo("vault");
      assertThat(logs.text()).contains("Serving secret 'db/password' stale");
      assertThat(logs.text()).doesNotContain(VALUE);
    }
    assertThat(cache.stats().staleServes()).isEqualTo(2);
    assertThat(backend.calls()).as("each stale serve tried the backend first").isEqualTo(3);
  }

  @Test
  void failsClosedOnceTheStaleIfErrorWindowHasPassed() {
    CachingSecretProvider cache = cache(Duration.ofHours(1), Duration.ofHours(24));
    backend.failWith(Reason.UNAVAILABLE);
    clock.advance(Duration.ofMinutes(5 + 60));

    assertThatThrownBy(() -> cache.getSecret("db/password"))
        .isInstanceOfSatisfying(
            SecretBackendException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
        .hasMessageNotContaining(VALUE);
    assertThat(cache.stats().staleServes()).isZero();
    assertThat(cache.size()).as("a dead entry is dropped").isZero();
  }

  @Test
  void maxStaleCapsTheAgeOfAStaleValueWhateverStaleIfErrorAllows() {
    CachingSecretProvider cache = cache(Duration.ofHours(1), Duration.ofMinutes(30));
    backend.failWith(Reason.TIMEOUT);

    clock.advance(Duration.ofMinutes(30).minusNanos(1));
    assertThat(cache.getSecret("db/password")).isEqualTo(VALUE);

    clock.advance(Duration.ofNanos(1));
    assertThatThrownBy(() -> cache.getSecret("db/password"))
        .isInstanceOf(SecretBackendException.class);
    assertThat(cache.stats().staleServes()).isEqualTo(1);
  }

  @Test
  void neverServesStaleForANonTransientFailure() {
    CachingSecretProvider cache = cache(Duration.ofHours(1), Duration.ofHours(24));
    backend.failWith(Reason.ACCESS_DENIED);
    clock.advance(Duration.ofMinutes(6));

    assertThatThrownBy(() -> cache.getSecret("db/password"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED));
    backend.failWith(Reason.UNAVAILABLE);
    assertThatThrownBy(() -> cache.getSecret("db/password"))
        .as("the value was dropped on the refusal, so nothing stale is left")
        .isInstanceOf(SecretBackendException.class);
  }

  @Test
  void aSecretDeletedInTheBackendIsNeverMaskedByTheStaleValue() {
    CachingSecretProvider cache = cache(Duration.ofHours(1), Duration.ofHours(24));
    backend.remove("db/password", "");
    clock.advance(Duration.ofMinutes(6));

    assertThatThrownBy(() -> cache.getSecret("db/password"))
        .isInstanceOf(SecretNotFoundException.class);
    backend.failWith(Reason.UNAVAILABLE);
    assertThatThrownBy(() -> cache.getSecret("db/password"))
        .as("still cached as not found")
        .isInstanceOf(SecretNotFoundException.class);
  }

  @Test
  void staleIfErrorZeroFailsClosedAtExpiry() {
    CachingSecretProvider cache = cache(Duration.ZERO, Duration.ofHours(24));
    backend.failWith(Reason.UNAVAILABLE);
    clock.advance(Duration.ofMinutes(5));

    assertThatThrownBy(() -> cache.getSecret("db/password"))
        .isInstanceOf(SecretBackendException.class);
  }

  @Test
  void aRecoveredBackendReplacesTheStaleValue() {
    CachingSecretProvider cache = cache(Duration.ofHours(1), Duration.ofHours(24));
    backend.failWith(Reason.UNAVAILABLE);
    clock.advance(Duration.ofMinutes(10));
    cache.getSecret("db/password");

    backend.recover();
    backend.put("db/password", "rotated");
    assertThat(cache.getSecret("db/password")).isEqualTo("rotated");
    assertThat(cache.getSecret("db/password")).isEqualTo("rotated");
    assertThat(cache.stats().hits()).isEqualTo(1);
  }
}
