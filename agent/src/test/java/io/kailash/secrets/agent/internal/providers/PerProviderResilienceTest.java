package io.kailash.secrets.agent.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.resilience.CircuitBreaker;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.secrets.vault.testing.VaultFault;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12: the agent builds resilience around each provider, then the chain, then the cache. A
 * failing or hanging Vault opens only Vault's circuit and, with fall-through, never keeps {@code
 * env} from answering.
 */
@Timeout(60)
class PerProviderResilienceTest {

  private static final String VAULT_PATH = "secret/data/";

  private final VaultApiDouble vault = VaultApiDouble.start();
  private final AssembledChain chain = new AssembledChain();

  @AfterEach
  void stop() {
    vault.close();
  }

  private AssembledChain vaultThenEnv() {
    chain.environment.put("T_DB_PASSWORD", "env-value");
    return chain
        .with("providers", "vault, env")
        .with("vault.url", vault.url())
        .with("vault.token", vault.rootToken())
        .with("chain.on-transient-failure", "fall-through")
        .with("cache.enabled", "false");
  }

  @Test
  void aHangingVaultFallsThroughToEnvAfterOneCallTimeout() {
    vault.failNext(VAULT_PATH, 100, VaultFault.delay(Duration.ofSeconds(20)));
    SecretProvider provider =
        vaultThenEnv()
            .with("resilience.call-timeout", "300ms")
            .with("vault.timeout", "5s")
            .assemble();

    long start = System.nanoTime();
    assertThat(provider.getSecret("db-password")).isEqualTo("env-value");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // One attempt, cut by the call timeout (not vault.timeout, not three timed-out attempts).
    assertThat(vault.requestCount(VAULT_PATH + "db-password")).isEqualTo(1);
    assertThat(took).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aFailingVaultOpensOnlyItsOwnCircuitAndEnvKeepsAnswering() throws Exception {
    vault.failNext(VAULT_PATH, 1000, VaultFault.status(503));
    SecretProvider provider =
        vaultThenEnv()
            .with("resilience.enabled", "true")
            .with("resilience.retry.max-attempts", "1")
            .with("resilience.circuit.failure-threshold", "2")
            .assemble();

    for (int i = 0; i < 5; i++) {
      assertThat(provider.getSecret("db-password")).isEqualTo("env-value");
    }

    // Vault was asked until its circuit opened, then skipped fast; env's circuit stayed closed.
    chain.mbeans.publishNow();
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName vaultBean = new ObjectName("io.kailash.secrets:type=Provider,name=vault");
    ObjectName envBean = new ObjectName("io.kailash.secrets:type=Provider,name=env");
    try {
      assertThat(server.getAttribute(vaultBean, "CircuitState"))
          .isEqualTo(CircuitBreaker.State.OPEN.name());
      assertThat(server.getAttribute(vaultBean, "Attempts")).isEqualTo(2L);
      assertThat(server.getAttribute(vaultBean, "FastFailures")).isEqualTo(3L);
      assertThat(server.getAttribute(envBean, "CircuitState"))
          .isEqualTo(CircuitBreaker.State.CLOSED.name());
      assertThat(server.getAttribute(envBean, "Calls")).isEqualTo(5L);
    } finally {
      server.unregisterMBean(vaultBean);
      server.unregisterMBean(envBean);
    }
  }

  @Test
  void withAutoResilienceOnlyRemoteProvidersGetALayer() throws Exception {
    vaultThenEnv().assemble();
    chain.mbeans.publishNow();
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    Set<ObjectName> names =
        server.queryNames(new ObjectName("io.kailash.secrets:type=Provider,*"), null);
    try {
      assertThat(names).extracting(name -> name.getKeyProperty("name")).containsExactly("vault");
    } finally {
      for (ObjectName name : names) {
        server.unregisterMBean(name);
      }
    }
  }

  @Test
  void aCallTimeoutNotShorterThanTheProvidersOwnIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                vaultThenEnv()
                    .with("resilience.call-timeout", "5s")
                    .with("vault.timeout", "5s")
                    .assemble())
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("'resilience.call-timeout' (5000 ms) must be shorter than")
        .hasMessageContaining("'vault.timeout' (5000 ms)")
        .hasMessageContaining("lower resilience.call-timeout or raise vault.timeout");
  }

  @Test
  void theDefaultsPassTheTimeoutCheck() {
    assertThat(
            chain
                .with("providers", "vault, aws, env")
                .with("vault.url", vault.url())
                .with("vault.token", vault.rootToken())
                .with("aws.region", "us-east-1")
                .assemble()
                .providerNames())
        .containsExactly("vault", "aws", "env");
  }
}
