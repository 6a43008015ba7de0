package io.kailash.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

  @Test
  void threadsAreNamedDaemonsWithoutAContextClassLoader() throws Exception {
    ExecutorService pool = DaemonThreads.boundedPool("kailash-secrets-refresh", 1);
    AtomicReference<Thread> ran = new AtomicReference<>();
    AtomicReference<ClassLoader> loader = new AtomicReference<>(getClass().getClassLoader());
    pool.execute(
        () -> {
          ran.set(Thread.currentThread());
          loader.set(Thread.currentThread().getContextClassLoader());
        });
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(ran.get().getName()).isEqualTo("kailash-secrets-refresh-1");
    assertThat(ran.get().isDaemon()).isTrue();
    assertThat(loader.get()).isNull();
  }
}
