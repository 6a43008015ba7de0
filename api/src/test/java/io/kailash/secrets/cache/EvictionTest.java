package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EvictionTest {

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MapSecretProvider backend = new MapSecretProvider("vault");

  @Test
  void evictsTheEntriesClosestToExpiryWhenFull() {
    CachingSecretProvider cache =
        CachingSecretProvider.builder(backend)
            .maxEntries(10)
            .ttl(Duration.ofMinutes(5))
            .jitter(0)
            .timeSource(clock)
            .build();
    for (int i = 0; i < 11; i++) {
      backend.put("s" + i, "v" + i);
      cache.getSecret("s" + i);
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(cache.size()).isEqualTo(9); // swept to 10 - 10 %
    assertThat(cache.stats().evictions()).isEqualTo(2);
    int calls = backend.calls();
    cache.getSecret("s10");
    cache.getSecret("s2");
    assertThat(backend.calls()).as("the newest entries were kept").isEqualTo(calls);
    cache.getSecret("s0");
    cache.getSecret("s1");
    assertThat(backend.calls()).as("the oldest were evicted").isEqualTo(calls + 2);
  }

  @Test
  void dropsDeadEntriesBeforeLiveOnes() {
    CachingSecretProvider cache =
        CachingSecretProvider.builder(backend)
            .maxEntries(3)
            .ttl(Duration.ofMinutes(5))
            .staleIfError(Duration.ZERO)
            .jitter(0)
            .timeSource(clock)
            .build();
    backend.put("dead", "x").put("a", "a").put("b", "b").put("c", "c");
    cache.getSecret("dead");
    clock.advance(Duration.ofMinutes(6));
    cache.getSecret("a");
    cache.getSecret("b");
    cache.getSecret("c");

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.stats().evictions()).isEqualTo(1);
    int calls = backend.calls();
    cache.getSecret("a");
    cache.getSecret("b");
    cache.getSecret("c");
    assertThat(backend.calls()).isEqualTo(calls);
  }
}
