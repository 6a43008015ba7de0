package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kailash.secrets.ChainSecretProvider;
import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.secrets.resilience.ResilientSecretProvider;
import io.kailash.secrets.vault.VaultSecretProvider;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.secrets.vault.testing.VaultFault;
import io.kailash.testing.TestNodes;
import io.kailash.testing.TestNodes.KeyNode;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: in library mode a provider's timeout covers the whole exchange with Vault (connect,
 * headers, body), with or without {@link ResilientSecretProvider}. The README's own example, a
 * cache over a chain of Vault and env run by LocalRuntime, hung forever on a Vault that sent its
 * headers and then stalled the body.
 */
@Timeout(60)
class LibraryModeBoundedTest {

  private static final Duration STALL = Duration.ofSeconds(40);

  private final VaultApiDouble vault = VaultApiDouble.start();

  @BeforeEach
  void reset() {
    TestNodes.reset();
    vault.putKv2("secret", "jwt-signing-key", Map.of("value", "v4ult-value"));
  }

  @AfterEach
  void stop() {
    vault.close();
  }

  static Stream<Arguments> hangs() {
    return Stream.of(
        Arguments.of("stall mid-body", VaultFault.stallBody(STALL)),
        Arguments.of("hang before headers", VaultFault.delay(STALL)));
  }

  private VaultSecretProvider vaultProvider() {
    return VaultSecretProvider.builder()
        .url(vault.url())
        .token(vault.rootToken())
        .timeout(Duration.ofMillis(500))
        .build();
  }

  /** The README's example, with a short Vault timeout. */
  private LocalRuntime readmeRuntime(SecretProvider vaultOrGuarded) {
    SecretProvider provider =
        new ChainSecretProvider(
            List.of(vaultOrGuarded, new EnvironmentSecretProvider("KAILASH_SECRET_", Map.of())));
    return LocalRuntime.builder()
        .secretProvider(CachingSecretProvider.builder(provider).build())
        .auditLogging(false)
        .build();
  }

  private static SecretBackendException runFails(LocalRuntime runtime) {
    Workflow workflow = new WorkflowBuilder().addNode(KeyNode.class, "key", null).build();
    Throwable failure = catchThrowable(() -> runtime.execute(workflow));
    assertThat(failure).isNotNull().hasRootCauseInstanceOf(SecretBackendException.class);
    Throwable cause = failure;
    while (!(cause instanceof SecretBackendException)) {
      cause = cause.getCause();
    }
    assertThat(TestNodes.received(KeyNode.class)).isNull();
    return (SecretBackendException) cause;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hangs")
  void theReadmeExampleEndsWithATimeoutInsteadOfHanging(String name, VaultFault fault) {
    vault.failNext("secret/data/", 10, fault);

    SecretBackendException failure = runFails(readmeRuntime(vaultProvider()));

    assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(failure.getMessage()).contains("no answer within 500 ms");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hangs")
  void underTheResilienceLayerTheCallTimeoutEndsEachAttempt(String name, VaultFault fault) {
    vault.failNext("secret/data/", 10, fault);
    SecretProvider guarded =
        ResilientSecretProvider.builder(vaultProvider())
            .callTimeout(Duration.ofMillis(200))
            .deadline(Duration.ofSeconds(2))
            .build();

    SecretBackendException failure = runFails(readmeRuntime(guarded));

    assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(vault.requestCount("secret/data/jwt-signing-key")).isBetween(1L, 3L);
  }
}
