package io.kailash.secrets.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartupJitterTest {

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MapSecretProvider backend = new MapSecretProvider("vault").put("k", "v4lue");

  @Test
  void theFirstReadWaitsAtMostTheJitterAndLaterReadsNotAtAll() {
    StartupJitter jitter = new StartupJitter(backend, Duration.ofSeconds(10), clock);

    assertThat(jitter.getSecret("k")).isEqualTo("v4lue");
    Duration waited = clock.totalSlept();
    assertThat(waited).isBetween(Duration.ZERO, Duration.ofSeconds(10));

    assertThat(jitter.getSecret("k")).isEqualTo("v4lue");
    assertThat(clock.totalSlept()).isEqualTo(waited);
  }

  @Test
  void aReadAfterTheWindowDoesNotWait() {
    StartupJitter jitter = new StartupJitter(backend, Duration.ofSeconds(10), clock);
    clock.advance(Duration.ofSeconds(11));

    jitter.getSecret("k");

    assertThat(clock.totalSlept()).isZero();
  }

  @Test
  void zeroMeansNoWaitAndNegativeIsRefused() {
    new StartupJitter(backend, Duration.ZERO, clock).getSecret("k");
    assertThat(clock.totalSlept()).isZero();
    assertThatThrownBy(() -> new StartupJitter(backend, Duration.ofSeconds(-1), clock))
        .hasMessageContaining("must not be negative");
  }
}
