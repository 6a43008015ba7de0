package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

  private static final int THREADS = 64;

  private final MapSecretProvider backend = new MapSecretProvider("vault").put("shared", "value-1");
  private final CachingSecretProvider cache =
      CachingSecretProvider.builder(backend).timeSource(new FakeTimeSource()).build();

  @Test
  void sixtyFourThreadsAskingForAMissingSecretCauseOneBackendCall() throws Exception {
    Map<Thread, Object> results = readConcurrently();

    assertThat(backend.calls()).isEqualTo(1);
    assertThat(results.values()).hasSize(THREADS).allMatch("value-1"::equals);
    assertThat(cache.stats().misses()).isEqualTo(THREADS);
    assertThat(cache.stats().loads()).isEqualTo(1);
  }

  @Test
  void aFailedLoadFailsEveryWaiterWithTheBackendError() throws Exception {
    backend.failWith(Reason.SERVER_ERROR);
    Map<Thread, Object> results = readConcurrently();

    assertThat(backend.calls()).isEqualTo(1);
    assertThat(results.values())
        .hasSize(THREADS)
        .allSatisfy(
            result ->
                assertThat(result)
                    .isInstanceOfSatisfying(
                        SecretBackendException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR)));
    assertThat(cache.stats().loadFailures()).isEqualTo(1);
  }

  /**
   * Holds the backend until all readers have asked and wait, then releases it.
   *
   * @return each reader's value or exception
   */
  private Map<Thread, Object> readConcurrently() throws InterruptedException {
    CountDownLatch release = backend.hold();
    Map<Thread, Object> results = new ConcurrentHashMap<>();
    List<Thread> threads = startReaders(results);
    awaitAllWaiting(threads);
    release.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    return results;
  }

  private List<Thread> startReaders(Map<Thread, Object> results) {
    AtomicInteger asked = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Thread thread =
          new Thread(
              () -> {
                asked.incrementAndGet();
                Object result;
                try {
                  result = cache.getSecret("shared");
                } catch (RuntimeException e) {
                  result = e;
                }
                results.put(Thread.currentThread(), result);
              });
      threads.add(thread);
      thread.start();
    }
    return threads;
  }

  /**
   * Waits until the leader is held in the backend and the 63 others wait for its load: after
   * asking, the only place a reader can park is the backend's gate or the in-flight load.
   */
  private void awaitAllWaiting(List<Thread> threads) throws InterruptedException {
    while (backend.entered() < 1
        || !threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
      Thread.sleep(1);
    }
  }
}
