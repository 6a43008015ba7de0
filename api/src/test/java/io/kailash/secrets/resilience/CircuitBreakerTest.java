package io.kailash.secrets.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.resilience.CircuitBreaker.State;
import io.kailash.testing.FakeTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final FakeTimeSource clock = new FakeTimeSource();
  private final CircuitBreaker circuit =
      new CircuitBreaker("vault", 3, Duration.ofSeconds(30), clock);

  @Test
  void opensAfterTheThresholdOfConsecutiveFailures() {
    fail(2);
    assertThat(circuit.state()).isEqualTo(State.CLOSED);
    fail(1);

    assertThat(circuit.state()).isEqualTo(State.OPEN);
    assertThat(circuit.openings()).isEqualTo(1);
  }

  @Test
  void aSuccessResetsTheCountOfConsecutiveFailures() {
    fail(2);
    circuit.beforeCall("s");
    circuit.onSuccess();
    fail(2);

    assertThat(circuit.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void anOpenCircuitFailsFastWithATransientUnavailableNamingTheWait() {
    fail(3);
    clock.advance(Duration.ofSeconds(10));

    assertThatThrownBy(() -> circuit.beforeCall("db/password"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.isTransient()).isTrue();
              assertThat(e.secretName()).isEqualTo("db/password");
            })
        .hasMessageContaining("circuit open for provider vault")
        .hasMessageContaining("retry after 20000 ms");
  }

  @Test
  void letsOneProbeThroughAfterTheCoolDownAndClosesOnItsSuccess() {
    fail(3);
    clock.advance(Duration.ofSeconds(30));

    assertThatCode(() -> circuit.beforeCall("s")).doesNotThrowAnyException();
    assertThat(circuit.state()).isEqualTo(State.HALF_OPEN);
    assertThatThrownBy(() -> circuit.beforeCall("s"))
        .as("only one probe at a time")
        .hasMessageContaining("a probe call is testing recovery");

    circuit.onSuccess();
    assertThat(circuit.state()).isEqualTo(State.CLOSED);
    assertThatCode(() -> circuit.beforeCall("s")).doesNotThrowAnyException();
  }

  @Test
  void aFailedProbeOpensTheCircuitForAnotherCoolDown() {
    fail(3);
    clock.advance(Duration.ofSeconds(30));
    circuit.beforeCall("s");
    circuit.onFailure();

    assertThat(circuit.state()).isEqualTo(State.OPEN);
    assertThat(circuit.openings()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(29));
    assertThatThrownBy(() -> circuit.beforeCall("s")).isInstanceOf(SecretBackendException.class);
    clock.advance(Duration.ofSeconds(1));
    assertThatCode(() -> circuit.beforeCall("s")).doesNotThrowAnyException();
  }

  @Test
  void rejectsAThresholdBelowOne() {
    assertThatThrownBy(() -> new CircuitBreaker("vault", 0, Duration.ofSeconds(1), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failure-threshold");
  }

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      circuit.beforeCall("s");
      circuit.onFailure();
    }
  }
}
