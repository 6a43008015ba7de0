package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.testing.ManualExecutor;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import io.kailash.testing.StderrCapture;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RefreshAheadTest {

  private final FakeTimeSource clock = new FakeTimeSource();
  private final ManualExecutor refreshes = new ManualExecutor();
  private final MapSecretProvider backend =
      new MapSecretProvider("vault").put("token", "old-token");

  private CachingSecretProvider cache(java.util.concurrent.Executor executor) {
    return CachingSecretProvider.builder(backend)
        .ttl(Duration.ofMinutes(10))
        .refreshAhead(0.8)
        .jitter(0)
        .timeSource(clock)
        .refreshExecutor(executor)
        .build();
  }

  @Test
  void startsOneBackgroundRefreshWhileCallersKeepTheCachedValue() {
    CachingSecretProvider cache = cache(refreshes);
    cache.getSecret("token");
    backend.put("token", "new-token");

    clock.advance(Duration.ofMinutes(8).minusNanos(1));
    assertThat(cache.getSecret("token")).isEqualTo("old-token");
    assertThat(refreshes.pending()).as("not due before 80 %% of the TTL").isZero();

    clock.advance(Duration.ofNanos(1));
    assertThat(cache.getSecret("token")).isEqualTo("old-token");
    assertThat(cache.getSecret("token")).isEqualTo("old-token");
    assertThat(refreshes.pending()).as("one refresh however many hits").isEqualTo(1);
    assertThat(backend.calls()).as("no caller waited for the backend").isEqualTo(1);

    assertThat(refreshes.runAll()).isEqualTo(1);
    assertThat(backend.calls()).isEqualTo(2);
    assertThat(cache.getSecret("token")).isEqualTo("new-token");
    assertThat(cache.stats().rotations()).isEqualTo(1);
  }

  @Test
  void aCallerIsServedWhileTheRefreshIsBlockedInTheBackend() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      CachingSecretProvider cache = cache(pool);
      cache.getSecret("token");
      CountDownLatch release = backend.hold();
      clock.advance(Duration.ofMinutes(9));

      // The refresh starts and blocks in the backend; this thread must not wait for it.
      assertThat(cache.getSecret("token")).isEqualTo("old-token");
      while (backend.entered() < 2) {
        Thread.onSpinWait();
      }
      assertThat(cache.getSecret("token")).isEqualTo("old-token");

      backend.put("token", "new-token");
      release.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      assertThat(cache.getSecret("token")).isEqualTo("new-token");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedRefreshKeepsServingTheValueUntilItExpires() {
    CachingSecretProvider cache = cache(refreshes);
    cache.getSecret("token");
    backend.failWith(Reason.UNAVAILABLE);
    clock.advance(Duration.ofMinutes(9));

    try (StderrCapture logs = new StderrCapture()) {
      assertThat(cache.getSecret("token")).isEqualTo("old-token");
      refreshes.runAll();
      assertThat(cache.getSecret("token")).isEqualTo("old-token");
      assertThat(logs.text()).contains("Background refresh of secret 'token' failed");
      assertThat(logs.text()).doesNotContain("old-token");
    }
    assertThat(cache.stats().loadFailures()).isEqualTo(1);
    assertThat(refreshes.pending()).as("one attempt per entry").isZero();
  }

  @Test
  void aSecretDeletedInTheBackendIsDroppedByTheRefresh() {
    CachingSecretProvider cache =
        CachingSecretProvider.builder(backend)
            .ttl(Duration.ofMinutes(10))
            .negativeTtl(Duration.ZERO)
            .jitter(0)
            .timeSource(clock)
            .refreshExecutor(refreshes)
            .build();
    cache.getSecret("token");
    backend.remove("token", "");
    clock.advance(Duration.ofMinutes(9));
    cache.getSecret("token");
    refreshes.runAll();

    assertThat(cache.size()).isZero();
  }
}
