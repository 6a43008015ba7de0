package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.resilience.TimeSource;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The coarse clock of cache hits: it moves, never runs ahead, and still expires entries. */
class HitClockTest {

  @Test
  @Timeout(10)
  void readingsAdvanceWithTheTickingThread() throws InterruptedException {
    long first = HitClock.INSTANCE.nanoTime();
    while (HitClock.INSTANCE.nanoTime() == first) {
      Thread.sleep(1);
    }
    assertThat(HitClock.INSTANCE.nanoTime()).isGreaterThan(first);
  }

  @Test
  void aReadingIsNeverAheadOfTheSystemClock() {
    for (int i = 0; i < 1_000; i++) {
      long coarse = HitClock.INSTANCE.nanoTime();
      assertThat(coarse - System.nanoTime()).isLessThanOrEqualTo(0);
    }
  }

  @Test
  void aTestClockIsUsedAsItIs() {
    FakeTimeSource manual = new FakeTimeSource();
    assertThat(HitClock.forHits(manual)).isSameAs(manual);
    assertThat(HitClock.forHits(TimeSource.system())).isSameAs(HitClock.INSTANCE);
  }

  @Test
  @Timeout(10)
  void aCacheOnTheSystemClockStillExpiresItsEntries() throws InterruptedException {
    MapSecretProvider backend = new MapSecretProvider("vault").put("api-key", "k1");
    CachingSecretProvider cache =
        CachingSecretProvider.builder(backend)
            .ttl(Duration.ofMillis(50))
            .refreshAhead(0)
            .jitter(0)
            .build();
    assertThat(cache.getSecret("api-key")).isEqualTo("k1");
    backend.put("api-key", "k2");
    // Served from the cache until the TTL (plus at most a tick) has passed, then reloaded.
    while (!cache.getSecret("api-key").equals("k2")) {
      Thread.sleep(5);
    }
    assertThat(backend.calls()).isEqualTo(2);
  }
}
