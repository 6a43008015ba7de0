package io.kailash.secrets.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.resilience.CircuitBreaker.State;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class ResilientSecretProviderTest {

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MapSecretProvider backend = new MapSecretProvider("vault").put("db/password", "pw");

  private ResilientSecretProviderBuilder builder() {
    return ResilientSecretProvider.builder(backend)
        .maxAttempts(3)
        .initialBackoff(Duration.ofMillis(100))
        .retryJitter(0)
        .callTimeout(Duration.ZERO)
        .failureThreshold(2)
        .openDuration(Duration.ofSeconds(30))
        .timeSource(clock);
  }

  @Test
  void retriesTransientFailuresUntilTheBackendAnswers() {
    SecretProvider flaky =
        new MapSecretProvider("flaky").put("db/password", "pw").failNext(2, Reason.SERVER_ERROR);
    ResilientSecretProvider provider =
        ResilientSecretProvider.builder(flaky)
            .maxAttempts(3)
            .retryJitter(0)
            .callTimeout(Duration.ZERO)
            .timeSource(clock)
            .build();

    assertThat(provider.getSecret("db/password")).isEqualTo("pw");
    assertThat(provider.stats().attempts()).isEqualTo(3);
    assertThat(provider.stats().failures()).isZero();
  }

  @Test
  void neverRetriesNotFoundOrARefusal() {
    ResilientSecretProvider provider = builder().build();
    assertThatThrownBy(() -> provider.getSecret("absent"))
        .isInstanceOf(SecretNotFoundException.class);
    backend.failWith(Reason.ACCESS_DENIED);
    assertThatThrownBy(() -> provider.getSecret("db/password"))
        .isInstanceOf(SecretBackendException.class);

    assertThat(backend.calls()).isEqualTo(2);
    assertThat(provider.circuit().state()).as("the backend answered").isEqualTo(State.CLOSED);
  }

  @Test
  void opensTheCircuitAfterRepeatedFailuresFailsFastAndRecoversThroughAProbe() {
    ResilientSecretProvider provider = builder().build();
    backend.failWith(Reason.UNAVAILABLE);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> provider.getSecret("db/password"))
          .hasMessageContaining("scripted UNAVAILABLE");
    }
    assertThat(backend.calls()).isEqualTo(6); // 2 calls x 3 attempts
    assertThat(provider.circuit().state()).isEqualTo(State.OPEN);

    assertThatThrownBy(() -> provider.getSecret("db/password"))
        .isInstanceOfSatisfying(
            SecretBackendException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
        .hasMessageContaining("circuit open for provider vault");
    assertThat(backend.calls()).as("failed fast").isEqualTo(6);
    assertThat(provider.stats().fastFailures()).isEqualTo(1);

    backend.recover();
    clock.advance(Duration.ofSeconds(30));
    assertThat(provider.getSecret("db/password")).isEqualTo("pw");
    assertThat(provider.circuit().state()).isEqualTo(State.CLOSED);
  }

  @Test
  void timesOutAnAttemptThatHangs() throws Exception {
    CountDownLatch release = backend.hold();
    try {
      ResilientSecretProvider provider =
          builder().maxAttempts(1).callTimeout(Duration.ofMillis(50)).build();

      assertThatThrownBy(() -> provider.getSecret("db/password"))
          .isInstanceOfSatisfying(
              SecretBackendException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT))
          .hasMessageContaining("no answer within PT0.05S");
    } finally {
      release.countDown();
    }
  }

  @Test
  void carriesTraceReportsBackFromTheCallThread() {
    SecretProvider chain = // stands in for a chain whose member "aws" served every value
        new MapSecretProvider("chain")
            .answerEveryName("v")
            .onAnswer(ref -> ResolutionTrace.servedBy(ref, "aws"));
    ResilientSecretProvider provider =
        ResilientSecretProvider.builder(chain).callTimeout(Duration.ofSeconds(30)).build();

    try (ResolutionTrace trace = ResolutionTrace.open()) {
      assertThat(provider.getSecretValues(List.of(SecretRef.current("s"))))
          .containsEntry(SecretRef.current("s"), "v");
      assertThat(trace.providerOf(SecretRef.current("s"))).isEqualTo("aws");
    }
  }

  @Test
  void registersAProviderMBean() throws Exception {
    ResilientSecretProvider provider = builder().build();
    ObjectName name = provider.registerMBean().orElseThrow();
    try {
      provider.getSecret("db/password");
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();

      assertThat(name.getKeyProperty("type")).isEqualTo("Provider");
      assertThat(name.getKeyProperty("name")).isEqualTo("vault");
      assertThat(server.getAttribute(name, "Calls")).isEqualTo(1L);
      assertThat(server.getAttribute(name, "CircuitState")).isEqualTo("CLOSED");
      assertThat(server.getAttribute(name, "OpenCircuits")).isEqualTo(0);
    } finally {
      provider.unregisterMBean();
    }
  }

  @Test
  void readsItsSettings() {
    ProviderSettings settings =
        ProviderSettings.of(
            "resilience",
            Map.of(
                "retry.max-attempts", "5",
                "circuit.failure-threshold", "1",
                "call-timeout", "0",
                "retry.jitter", "0%"));
    ResilientSecretProvider provider =
        ResilientSecretProvider.builder(backend).settings(settings).timeSource(clock).build();
    backend.failWith(Reason.THROTTLED);

    assertThatThrownBy(() -> provider.getSecret("db/password"))
        .isInstanceOf(SecretBackendException.class);
    assertThat(backend.calls()).isEqualTo(5);
    assertThat(provider.circuit().state()).isEqualTo(State.OPEN);
  }

  @Test
  void readsEveryKeyItDeclares() {
    for (String key : ResilientSecretProvider.KEYS) {
      if (key.equals("enabled")) {
        continue; // read by the caller
      }
      ProviderSettings settings = ProviderSettings.of("resilience", Map.of(key, "nonsense"));
      assertThatThrownBy(() -> ResilientSecretProvider.fromSettings(backend, settings))
          .as(key)
          .isInstanceOf(SecretsConfigurationException.class)
          .hasMessageContaining("'resilience." + key + "'");
    }
  }

  @Test
  void reportsAMalformedSettingByItsFullKey() {
    ProviderSettings settings =
        ProviderSettings.of("resilience", Map.of("circuit.failure-threshold", "0"));

    assertThatThrownBy(() -> ResilientSecretProvider.fromSettings(backend, settings))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("resilience.circuit.failure-threshold")
        .hasMessageContaining("at least 1");
  }

  @Test
  void theKeysTheCatalogReadsAreExactlyTheKeysTheBindingsApply() {
    assertThat(ResilientSecretProviderBuilder.KEYS)
        .isEqualTo(ResilientSecretProviderBuilder.boundKeys());
  }
}
