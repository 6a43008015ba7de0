package io.kailash.secrets.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.aws.AwsSecretsManagerProvider;
import io.kailash.secrets.aws.testing.MotoClients;
import io.kailash.secrets.aws.testing.SecretsManagerDouble;
import io.kailash.secrets.vault.VaultSecretProvider;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.secrets.vault.testing.VaultFault;
import io.kailash.testing.FakeTimeSource;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12: exactly one retry layer per provider. The Vault provider and the AWS SDK send one
 * request per attempt; {@link ResilientSecretProvider} is the only layer that retries, so a read
 * against a backend answering 503 sends at most {@code resilience.retry.max-attempts} requests (3
 * by default) and ends within {@code resilience.deadline}. A backend's {@code Retry-After} is
 * waited for, within the deadline.
 */
@Timeout(60)
class OneRetryLayerTest {

  private static final String VAULT_PATH = "secret/data/app/db";

  private final VaultApiDouble vault = VaultApiDouble.start();
  private final SecretsManagerDouble aws = SecretsManagerDouble.start();

  @AfterEach
  void stop() {
    vault.close();
    aws.close();
  }

  private SecretProvider vaultProvider() {
    vault.putKv2("secret", "app/db", Map.of("value", "s3cr3t-value"));
    return VaultSecretProvider.builder().url(vault.url()).token(vault.rootToken()).build();
  }

  private SecretProvider awsProvider() {
    aws.put("app/db", "s3cr3t-value");
    return AwsSecretsManagerProvider.builder()
        .endpoint(URI.create(aws.url()))
        .region("us-east-1")
        .credentials(MotoClients.FAKE_CREDENTIALS)
        .build();
  }

  private static SecretBackendException readFails(SecretProvider provider) {
    return catchThrowableOfType(SecretBackendException.class, () -> provider.getSecret("app/db"));
  }

  @Test
  void aVault503ReadSendsAtMostMaxAttemptsRequestsWithinTheDeadline() {
    SecretProvider provider = ResilientSecretProvider.builder(vaultProvider()).build();
    vault.failNext(VAULT_PATH, 100, VaultFault.status(503));

    long start = System.nanoTime();
    SecretBackendException failure = readFails(provider);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(vault.requestCount(VAULT_PATH)).isEqualTo(3);
    assertThat(took).isLessThan(Duration.ofSeconds(10)); // resilience.deadline
  }

  @Test
  void anAws503ReadSendsAtMostMaxAttemptsRequestsBecauseTheSdkDoesNotRetry() {
    SecretProvider provider = ResilientSecretProvider.builder(awsProvider()).build();
    aws.failNext(100, SecretsManagerDouble.Fault.error(503, "ServiceUnavailable"));

    long start = System.nanoTime();
    SecretBackendException failure = readFails(provider);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
    assertThat(aws.requestCount()).isEqualTo(3);
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void withoutTheResilienceLayerEachProviderSendsOneRequest() {
    SecretProvider vaultOnly = vaultProvider();
    vault.failNext(VAULT_PATH, 100, VaultFault.status(503));
    aws.failNext(100, SecretsManagerDouble.Fault.error(503, "ServiceUnavailable"));

    assertThat(readFails(vaultOnly).reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(readFails(awsProvider()).reason()).isEqualTo(Reason.SERVER_ERROR);
    assertThat(vault.requestCount(VAULT_PATH)).isEqualTo(1);
    assertThat(aws.requestCount()).isEqualTo(1);
  }

  @Test
  void aVault429RetryAfterIsWaitedForBeforeTheNextAttempt() {
    FakeTimeSource clock = new FakeTimeSource();
    SecretProvider provider =
        ResilientSecretProvider.builder(vaultProvider())
            .callTimeout(Duration.ZERO)
            .timeSource(clock)
            .build();
    vault.failNext(VAULT_PATH, 2, VaultFault.throttled()); // the double sends Retry-After: 1

    assertThat(provider.getSecret("app/db")).isEqualTo("s3cr3t-value");
    assertThat(vault.requestCount(VAULT_PATH)).isEqualTo(3);
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void anAwsThrottlingRetryAfterIsWaitedFor() {
    FakeTimeSource clock = new FakeTimeSource();
    SecretProvider provider =
        ResilientSecretProvider.builder(awsProvider())
            .callTimeout(Duration.ZERO)
            .timeSource(clock)
            .build();
    aws.failNext(1, SecretsManagerDouble.Fault.throttled("3"));

    assertThat(provider.getSecret("app/db")).isEqualTo("s3cr3t-value");
    assertThat(aws.requestCount()).isEqualTo(2);
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aRetryAfterBeyondTheDeadlineEndsTheReadAtOnce() {
    FakeTimeSource clock = new FakeTimeSource();
    SecretProvider provider =
        ResilientSecretProvider.builder(awsProvider())
            .callTimeout(Duration.ZERO)
            .deadline(Duration.ofSeconds(2))
            .timeSource(clock)
            .build();
    aws.failNext(5, SecretsManagerDouble.Fault.throttled("30"));

    SecretBackendException failure = readFails(provider);

    assertThat(failure.reason()).isEqualTo(Reason.THROTTLED);
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(aws.requestCount()).isEqualTo(1);
    assertThat(clock.totalSlept()).isZero();
  }
}
