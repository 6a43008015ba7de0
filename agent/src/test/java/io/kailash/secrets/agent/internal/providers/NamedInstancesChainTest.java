package io.kailash.secrets.agent.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.resilience.CircuitBreaker;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.secrets.vault.testing.VaultFault;
import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13: two named Vault instances in one chain, each with its own client (URL and token), its
 * own resilience layer and MBean, and its own name in failures, from keys given as environment
 * variables.
 */
@Timeout(60)
class NamedInstancesChainTest {

  private final VaultApiDouble prod = VaultApiDouble.start();
  private final VaultApiDouble shared = VaultApiDouble.start();
  private final AssembledChain chain = new AssembledChain();

  @AfterEach
  void stop() {
    prod.close();
    shared.close();
  }

  private AssembledChain twoVaults() {
    prod.putKv2("secret", "prod/db", Map.of("value", "prod-value"));
    shared.putKv2("secret", "shared/key", Map.of("value", "shared-value"));
    return chain
        .with("providers", "vault-prod, vault-shared")
        .with("vault-prod.type", "vault")
        .with("vault-prod.url", prod.url())
        .with("vault-prod.token", prod.rootToken())
        .with("vault-shared.type", "vault")
        .with("vault-shared.url", shared.url())
        .with("vault-shared.token", shared.rootToken())
        .with("cache.enabled", "false");
  }

  @Test
  void eachInstanceReadsItsOwnVaultWithItsOwnToken() {
    SecretProvider provider = twoVaults().assemble();

    assertThat(provider.providerNames()).containsExactly("vault-prod", "vault-shared");
    assertThat(provider.getSecret("prod/db")).isEqualTo("prod-value");
    assertThat(provider.getSecret("shared/key")).isEqualTo("shared-value");
    // The shared Vault was never asked for what the first one had.
    assertThat(shared.requestCount("secret/data/prod/db")).isZero();
  }

  @Test
  void aFailingInstanceFailsUnderItsNameAndOpensOnlyItsOwnCircuit() throws Exception {
    shared.failNext("secret/data/", 1000, VaultFault.status(503));
    SecretProvider provider =
        twoVaults()
            .with("resilience.retry.max-attempts", "1")
            .with("resilience.circuit.failure-threshold", "2")
            .assemble();

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> provider.getSecret("shared/key"))
          .isInstanceOfSatisfying(
              SecretBackendException.class,
              failure -> assertThat(failure.provider()).isEqualTo("vault-shared"))
          .hasMessageContaining("Provider vault-shared failed");
    }
    assertThat(provider.getSecret("prod/db")).isEqualTo("prod-value");

    chain.mbeans.publishNow();
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName prodBean = new ObjectName("io.kailash.secrets:type=Provider,name=vault-prod");
    ObjectName sharedBean = new ObjectName("io.kailash.secrets:type=Provider,name=vault-shared");
    try {
      assertThat(server.getAttribute(sharedBean, "CircuitState"))
          .isEqualTo(CircuitBreaker.State.OPEN.name());
      assertThat(server.getAttribute(sharedBean, "Attempts")).isEqualTo(2L);
      assertThat(server.getAttribute(prodBean, "CircuitState"))
          .isEqualTo(CircuitBreaker.State.CLOSED.name());
      assertThat(server.getAttribute(prodBean, "Calls")).isEqualTo(4L);
    } finally {
      server.unregisterMBean(prodBean);
      server.unregisterMBean(sharedBean);
    }
  }

  @Test
  void theCallTimeoutCheckNamesTheInstancesTimeoutKey() {
    assertThatThrownBy(
            () ->
                twoVaults()
                    .with("resilience.call-timeout", "3s")
                    .with("vault-shared.timeout", "2s")
                    .assemble())
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("must be shorter than 'vault-shared.timeout' (2000 ms)")
        .hasMessageContaining("so that a hanging vault-shared is abandoned");
  }
}
