package io.kailash.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class LazyClientTest {

  private final AtomicInteger built = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();

  @Test
  void buildsOnceForManyConcurrentFirstReads() throws Exception {
    LazyClient lazy = LazyClient.building(this::newClient);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<SecretsManagerClient>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<SecretsManagerClient> read =
            () -> {
              start.await();
              return lazy.get();
            };
        results.add(pool.submit(read));
      }
      start.countDown();
      SecretsManagerClient first = results.get(0).get();
      for (Future<SecretsManagerClient> result : results) {
        assertThat(result.get()).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(built.get()).isEqualTo(1);
  }

  @Test
  void aFailedBuildIsTriedAgainOnTheNextRead() {
    AtomicInteger attempts = new AtomicInteger();
    LazyClient lazy =
        LazyClient.building(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("no region yet");
              }
              return newClient();
            });

    assertThatThrownBy(lazy::get).hasMessage("no region yet");
    assertThat(lazy.isBuilt()).isFalse();
    assertThat(lazy.get()).isNotNull();
  }

  @Test
  void closesABuiltClientButNeverAnInjectedOne() {
    LazyClient owned = LazyClient.building(this::newClient);
    owned.get();
    owned.close();
    LazyClient injected = LazyClient.using(newClient());
    injected.close();

    assertThat(closed.get()).isEqualTo(1);
  }

  private SecretsManagerClient newClient() {
    built.incrementAndGet();
    return new SecretsManagerClient() {
      @Override
      public String serviceName() {
        return "secretsmanager";
      }

      @Override
      public void close() {
        closed.incrementAndGet();
      }
    };
  }
}
