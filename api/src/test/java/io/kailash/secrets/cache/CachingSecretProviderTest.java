package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.secrets.testing.ManualExecutor;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingSecretProviderTest {

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MapSecretProvider backend =
      new MapSecretProvider("vault").put("db/password", "pw-1");
  private final CachingSecretProvider cache =
      CachingSecretProvider.builder(backend)
          .ttl(Duration.ofMinutes(5))
          .pinnedTtl(Duration.ofHours(1))
          .refreshAhead(0)
          .jitter(0)
          .timeSource(clock)
          .refreshExecutor(new ManualExecutor())
          .build();

  @Test
  void servesRepeatedReadsFromTheCacheUntilTheTtlExpires() {
    assertThat(cache.getSecret("db/password")).isEqualTo("pw-1");
    backend.put("db/password", "pw-2");
    clock.advance(Duration.ofMinutes(5).minusNanos(1));

    assertThat(cache.getSecret("db/password")).isEqualTo("pw-1");
    assertThat(backend.calls()).isEqualTo(1);

    clock.advance(Duration.ofNanos(1));
    assertThat(cache.getSecret("db/password")).isEqualTo("pw-2");
    assertThat(backend.calls()).isEqualTo(2);
    assertThat(cache.stats().hits()).isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(2);
    assertThat(cache.stats().loads()).isEqualTo(2);
  }

  @Test
  void pinnedVersionsLiveForThePinnedTtlWhileLabelsFollowTheTtl() {
    backend.put("api-key", "7", "seven").put("api-key", "AWSPREVIOUS", "old");
    cache.getSecret("api-key", "7");
    cache.getSecret("api-key", "AWSPREVIOUS");
    clock.advance(Duration.ofMinutes(30));

    cache.getSecret("api-key", "7");
    cache.getSecret("api-key", "AWSPREVIOUS");

    assertThat(backend.calls()).isEqualTo(3); // only the moving label was read again
  }

  @Test
  void classifiesVersionNumbersAndIdsAsPinnedAndLabelsAsMoving() {
    assertThat(CachePolicy.isPinned(new SecretRef("s", "3"))).isTrue();
    assertThat(CachePolicy.isPinned(new SecretRef("s", "v12"))).isTrue();
    assertThat(CachePolicy.isPinned(new SecretRef("s", "a1b2c3d4-0000-4000-8000-0123456789ab")))
        .isTrue();
    assertThat(CachePolicy.isPinned(new SecretRef("s", "AWSPREVIOUS"))).isFalse();
    assertThat(CachePolicy.isPinned(new SecretRef("s", "AWSCURRENT"))).isFalse();
    assertThat(CachePolicy.isPinned(SecretRef.current("s"))).isFalse();
  }

  @Test
  void jitterSpreadsExpiryWithinTenPercentOfTheTtl() {
    CachingSecretProvider jittered =
        CachingSecretProvider.builder(backend)
            .ttl(Duration.ofSeconds(100))
            .jitter(0.1)
            .refreshAhead(0)
            .timeSource(clock)
            .build();
    for (int i = 0; i < 200; i++) {
      backend.put("s" + i, "v");
      jittered.getSecret("s" + i);
    }
    int loadsBefore = backend.calls();

    clock.advance(Duration.ofSeconds(90).minusNanos(1));
    readAll(jittered);
    assertThat(backend.calls())
        .as("nothing expires before 90 %% of the TTL")
        .isEqualTo(loadsBefore);

    clock.advance(Duration.ofSeconds(10));
    readAll(jittered);
    int expiredAt100 = backend.calls() - loadsBefore;
    assertThat(expiredAt100).as("some, not all, expired by the nominal TTL").isBetween(1, 199);

    clock.advance(Duration.ofSeconds(10).plusNanos(1));
    int before = backend.calls();
    readAll(jittered);
    assertThat(backend.calls() - before)
        .as("the rest expired by 110 %% of the TTL")
        .isEqualTo(200 - expiredAt100);
  }

  @Test
  void invalidateDropsEveryVersionOfOneName() {
    backend.put("api-key", "k1").put("api-key", "AWSPREVIOUS", "k0");
    cache.getSecret("api-key");
    cache.getSecret("api-key", "AWSPREVIOUS");
    cache.getSecret("db/password");

    cache.invalidate("api-key");

    assertThat(cache.size()).isEqualTo(1);
    cache.getSecret("api-key");
    cache.getSecret("api-key", "AWSPREVIOUS");
    cache.getSecret("db/password");
    assertThat(backend.calls()).isEqualTo(5);
  }

  @Test
  void invalidateAllEmptiesTheCache() {
    cache.getSecret("db/password");
    cache.invalidateAll();

    assertThat(cache.size()).isZero();
    cache.getSecret("db/password");
    assertThat(backend.calls()).isEqualTo(2);
  }

  @Test
  void aLoadInFlightDuringInvalidationIsNotCached() throws Exception {
    var release = backend.hold();
    Thread reader = new Thread(() -> cache.getSecret("db/password"));
    reader.start();
    while (backend.entered() == 0) {
      Thread.onSpinWait();
    }
    cache.invalidate("db/password");
    release.countDown();
    reader.join();

    assertThat(cache.size()).isZero();
  }

  @Test
  void reportsMissThenHitWithTheServingProvider() {
    SecretRef ref = SecretRef.current("db/password");
    try (ResolutionTrace trace = ResolutionTrace.open()) {
      cache.getSecret("db/password");
      assertThat(trace.cacheStatusOf(ref)).isEqualTo(CacheStatus.MISS);
      assertThat(trace.providerOf(ref)).isEqualTo("vault");
    }
    try (ResolutionTrace trace = ResolutionTrace.open()) {
      cache.getSecret("db/password");
      assertThat(trace.cacheStatusOf(ref)).isEqualTo(CacheStatus.HIT);
      assertThat(trace.providerOf(ref)).isEqualTo("vault");
    }
  }

  @Test
  void remembersTheChainMemberThatServedAValue() {
    SecretProvider chain = // stands in for a chain whose member "aws" served every value
        new MapSecretProvider("chain")
            .answerEveryName("v")
            .onAnswer(ref -> ResolutionTrace.servedBy(ref, "aws"));
    CachingSecretProvider chained = CachingSecretProvider.builder(chain).timeSource(clock).build();
    chained.getSecret("s");

    try (ResolutionTrace trace = ResolutionTrace.open()) {
      chained.getSecret("s");
      assertThat(trace.providerOf(SecretRef.current("s"))).isEqualTo("aws");
    }
  }

  @Test
  void rejectsAnInvalidNameBeforeAskingTheBackend() {
    assertThatThrownBy(() -> cache.getSecret("../etc/passwd"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("path traversal");
    assertThatThrownBy(() -> cache.getSecret(null)).isInstanceOf(SecretBackendException.class);
    assertThat(backend.calls()).isZero();
  }

  @Test
  void isTransparentInNamesAndDoesNotCacheListings() {
    assertThat(cache.name()).isEqualTo("vault");
    assertThat(cache.providerNames()).containsExactly("vault");
    assertThat(cache.listSecrets()).containsExactly("db/password");
    backend.put("other", "x");
    assertThat(cache.listSecrets()).containsExactly("db/password", "other");
  }

  private static void readAll(CachingSecretProvider provider) {
    for (String name : namesOf200()) {
      provider.getSecret(name);
    }
  }

  private static List<String> namesOf200() {
    return java.util.stream.IntStream.range(0, 200).mapToObj(i -> "s" + i).toList();
  }
}
