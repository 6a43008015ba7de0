package io.kailash.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LazyTest {

  @Test
  void makesTheValueOnFirstUseOnly() {
    AtomicInteger made = new AtomicInteger();
    Lazy<String> lazy = new Lazy<>();
    Supplier<String> create = () -> "value-" + made.incrementAndGet();

    assertThat(made).hasValue(0);
    assertThat(lazy.get(create)).isEqualTo("value-1");
    assertThat(lazy.get(create)).isEqualTo("value-1");
    assertThat(made).hasValue(1);
  }

  @Test
  void aFailedCreationIsNotRememberedSoTheNextCallTriesAgain() {
    AtomicInteger attempts = new AtomicInteger();
    Lazy<String> lazy = new Lazy<>();
    Supplier<String> create =
        () -> {
          if (attempts.incrementAndGet() == 1) {
            throw new IllegalStateException("CA file unreadable");
          }
          return "client";
        };

    assertThatThrownBy(() -> lazy.get(create)).hasMessage("CA file unreadable");
    assertThat(lazy.get(create)).isEqualTo("client");
    assertThat(attempts).hasValue(2);
  }

  @Test
  @Timeout(30)
  void threadsAskingTogetherGetTheOneValue() throws Exception {
    AtomicInteger made = new AtomicInteger();
    Lazy<Object> lazy = new Lazy<>();
    Supplier<Object> create =
        () -> {
          made.incrementAndGet();
          return new Object();
        };
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return lazy.get(create);
                }));
      }
      start.countDown();
      Object first = answers.get(0).get(20, TimeUnit.SECONDS);
      for (Future<Object> answer : answers) {
        assertThat(answer.get(20, TimeUnit.SECONDS)).isSameAs(first);
      }
      assertThat(made).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
