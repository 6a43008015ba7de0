package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegativeCachingTest {

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MapSecretProvider backend = new MapSecretProvider("vault");

  private CachingSecretProvider cache(Duration negativeTtl) {
    return CachingSecretProvider.builder(backend)
        .negativeTtl(negativeTtl)
        .jitter(0)
        .timeSource(clock)
        .build();
  }

  @Test
  void cachesNotFoundForTheNegativeTtl() {
    CachingSecretProvider cache = cache(Duration.ofSeconds(30));
    assertThatThrownBy(() -> cache.getSecret("typo")).isInstanceOf(SecretNotFoundException.class);

    try (ResolutionTrace trace = ResolutionTrace.open()) {
      assertThatThrownBy(() -> cache.getSecret("typo"))
          .isInstanceOfSatisfying(
              SecretNotFoundException.class,
              e -> {
                assertThat(e.secretName()).isEqualTo("typo");
                assertThat(e.providersTried()).containsExactly("vault");
              });
      assertThat(trace.cacheStatusOf(SecretRef.current("typo")))
          .isEqualTo(CacheStatus.NEGATIVE_HIT);
    }
    assertThat(backend.calls()).isEqualTo(1);
    assertThat(cache.stats().negativeHits()).isEqualTo(1);

    backend.put("typo", "now-there");
    clock.advance(Duration.ofSeconds(30));
    assertThat(cache.getSecret("typo")).isEqualTo("now-there");
  }

  @Test
  void negativeTtlZeroAsksTheBackendEveryTime() {
    CachingSecretProvider cache = cache(Duration.ZERO);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> cache.getSecret("absent"))
          .isInstanceOf(SecretNotFoundException.class);
    }
    assertThat(backend.calls()).isEqualTo(3);
    assertThat(cache.size()).isZero();
  }

  @Test
  void absentSecretsOfABatchAreCachedNegatively() {
    CachingSecretProvider cache = cache(Duration.ofSeconds(30));
    backend.put("present", "v");
    List<SecretRef> refs = List.of(SecretRef.current("present"), SecretRef.current("optional"));

    assertThat(cache.getSecretValues(refs)).containsOnlyKeys(SecretRef.current("present"));
    assertThat(cache.getSecretValues(refs)).containsOnlyKeys(SecretRef.current("present"));

    assertThat(backend.calls()).isEqualTo(1);
    assertThat(cache.stats().negativeHits()).isEqualTo(1);
  }
}
