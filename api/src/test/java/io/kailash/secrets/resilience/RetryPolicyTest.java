package io.kailash.secrets.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.testing.FakeTimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final FakeTimeSource time = new FakeTimeSource();
  private final AtomicInteger calls = new AtomicInteger();

  private RetryPolicy policy(int attempts, long initialMs, long maxMs, long deadlineMs) {
    return new RetryPolicy(
        attempts,
        Duration.ofMillis(initialMs),
        Duration.ofMillis(maxMs),
        0,
        Duration.ofMillis(deadlineMs),
        time);
  }

  private String failing(Reason reason) {
    calls.incrementAndGet();
    throw new SecretBackendException("vault", "s", reason, "attempt " + calls.get());
  }

  @Test
  void retriesTransientFailuresWithDoublingBackoffThenRethrowsTheLastFailure() {
    assertThatThrownBy(
            () -> policy(4, 100, 10_000, 60_000).execute(() -> failing(Reason.UNAVAILABLE)))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("attempt 4");

    assertThat(calls).hasValue(4);
    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void theBackoffIsCappedAtTheMaximum() {
    assertThatThrownBy(() -> policy(4, 1000, 1500, 60_000).execute(() -> failing(Reason.TIMEOUT)))
        .isInstanceOf(SecretBackendException.class);

    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(1500));
  }

  @Test
  void returnsTheFirstSuccess() {
    String value =
        policy(5, 10, 100, 60_000)
            .execute(() -> calls.incrementAndGet() < 3 ? failing(Reason.THROTTLED) : "ok");

    assertThat(value).isEqualTo("ok");
    assertThat(calls).hasValue(3);
  }

  @Test
  void neverRetriesNonTransientFailuresOrNotFound() {
    for (Reason reason :
        new Reason[] {Reason.ACCESS_DENIED, Reason.INVALID_RESPONSE, Reason.MISCONFIGURED}) {
      calls.set(0);
      assertThatThrownBy(() -> policy(4, 10, 100, 60_000).execute(() -> failing(reason)))
          .hasMessageContaining("attempt 1");
      assertThat(calls).as(reason.name()).hasValue(1);
    }
    assertThatThrownBy(
            () ->
                policy(4, 10, 100, 60_000)
                    .execute(
                        () -> {
                          calls.incrementAndGet();
                          throw new SecretNotFoundException(SecretRef.current("s"), "vault", "");
                        }))
        .isInstanceOf(SecretNotFoundException.class);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void startsNoAttemptThatWouldBeginAfterTheDeadline() {
    assertThatThrownBy(
            () -> policy(10, 100, 10_000, 250).execute(() -> failing(Reason.SERVER_ERROR)))
        .hasMessageContaining("attempt 2");

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void timeSpentInsideTheCallCountsTowardsTheDeadline() {
    RetryPolicy policy = policy(10, 100, 100, 1_000);

    assertThatThrownBy(
            () ->
                policy.execute(
                    () -> {
                      time.advance(Duration.ofMillis(400));
                      return failing(Reason.TIMEOUT);
                    }))
        .hasMessageContaining("attempt 2");
  }

  @Test
  void jitterSpreadsEachPauseWithinTheGivenFraction() {
    RetryPolicy jittered =
        new RetryPolicy(
            20, Duration.ofMillis(100), Duration.ofMillis(100), 0.5, Duration.ofHours(1), time);

    assertThatThrownBy(() -> jittered.execute(() -> failing(Reason.UNAVAILABLE)))
        .isInstanceOf(SecretBackendException.class);

    assertThat(time.sleeps())
        .hasSize(19)
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(50), Duration.ofMillis(150)));
  }

  @Test
  void anInterruptedPauseRethrowsTheFailureAndKeepsTheInterruptFlag() {
    TimeSource interrupting =
        new TimeSource() {
          @Override
          public long nanoTime() {
            return 0;
          }

          @Override
          public void sleep(Duration duration) throws InterruptedException {
            throw new InterruptedException();
          }
        };
    RetryPolicy policy = RetryPolicy.defaults().withTimeSource(interrupting);

    try {
      assertThatThrownBy(() -> policy.execute(() -> failing(Reason.UNAVAILABLE)))
          .hasMessageContaining("attempt 1");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void noneMakesOneAttempt() {
    assertThatThrownBy(() -> RetryPolicy.none().execute(() -> failing(Reason.UNAVAILABLE)))
        .isInstanceOf(SecretBackendException.class);
    assertThat(calls).hasValue(1);
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @Test
  void validatesItsSettingsAndDescribesItself() {
    assertThatThrownBy(() -> policy(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1, was 0");
    assertThatThrownBy(
            () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.5, Duration.ZERO, time))
        .hasMessage("jitter must be between 0 and 1, was 1.5");
    assertThat(RetryPolicy.defaults().withDeadline(Duration.ofSeconds(3)).deadline())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(RetryPolicy.defaults().toString())
        .isEqualTo("RetryPolicy[attempts=4, backoff=PT0.1S..PT2S, jitter=0.2, deadline=PT10S]");
  }
}
