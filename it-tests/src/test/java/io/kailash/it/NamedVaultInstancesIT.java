package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.NamedVaultsApp;
import io.kailash.secrets.vault.testing.TokenSpec;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.secrets.vault.testing.VaultFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, named instances: {@code providers = vault-prod, vault-shared} with {@code <name>.type =
 * vault}, against two Vault API doubles with different tokens and contents. Each instance reads
 * with its own URL and token (a token sent to the other Vault would be refused, and access denied
 * never falls through), fails under its own name, and has its own circuit and MBean.
 */
class NamedVaultInstancesIT {

  private static final String PROD_DB = "pw-pr0d-n4med-1t-secret";
  private static final String SHARED_KEY = "key-sh4red-n4med-1t-secret";

  private VaultApiDouble prod;
  private VaultApiDouble shared;
  private String prodToken;
  private String sharedToken;

  @BeforeEach
  void startTwoVaults() {
    prod = VaultApiDouble.start();
    prod.putKv2("secret", "prod/db", Map.of("value", PROD_DB));
    prodToken = prod.createToken(TokenSpec.of(Duration.ZERO, false));
    shared = VaultApiDouble.start();
    shared.putKv2("secret", "shared/api-key", Map.of("value", SHARED_KEY));
    sharedToken = shared.createToken(TokenSpec.of(Duration.ZERO, false));
  }

  @AfterEach
  void stopVaults() {
    prod.close();
    shared.close();
  }

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aNodeGetsOneSecretFromEachInstance(Jdk jdk) throws Exception {
    jdk.assumePresent();

    JvmRun run =
        withTwoVaults(ForkedJvm.of(jdk, NamedVaultsApp.class), ";audit.enabled=true;audit.sink=log")
            .args("both")
            .run();

    run.assertClean(
        List.of("both=injected,injected", "missing=not-found,tried-vault-prod-and-vault-shared"),
        PROD_DB,
        SHARED_KEY,
        prodToken,
        sharedToken);
    String agentLog = String.join("\n", run.agentLines());
    assertThat(agentLog).contains("providers [vault-prod, vault-shared]");
    // The audit records name the instance that answered each secret.
    assertThat(agentLog)
        .containsPattern("secret=prod/db .*provider=vault-prod outcome=RESOLVED")
        .containsPattern("secret=shared/api-key .*provider=vault-shared outcome=RESOLVED");
    // Each instance asked its own Vault: vault-prod's for both secrets (shared/ not found there),
    // vault-shared's only for the one vault-prod lacks.
    assertThat(prod.requestCount("secret/data/shared/api-key")).isEqualTo(1);
    assertThat(shared.requestCount("secret/data/prod/db")).isZero();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aFailingSecondInstanceFailsUnderItsOwnNameAndOpensOnlyItsOwnCircuit(Jdk jdk)
      throws Exception {
    jdk.assumePresent();
    shared.failNext("secret/data/shared/", 1000, VaultFault.status(503));

    JvmRun run =
        withTwoVaults(
                ForkedJvm.of(jdk, NamedVaultsApp.class),
                ";resilience.retry.max-attempts=1;resilience.circuit.failure-threshold=2")
            .args("failing")
            .run();

    run.assertClean(
        List.of(
            "shared=UNAVAILABLE,names-vault-shared",
            "shared=UNAVAILABLE,names-vault-shared",
            "shared=UNAVAILABLE,names-vault-shared,circuit-open",
            "prod=injected",
            "vault-prod-circuit=CLOSED",
            "vault-shared-circuit=OPEN"),
        PROD_DB,
        SHARED_KEY,
        prodToken,
        sharedToken);
    // The open circuit kept the third read from reaching the second Vault at all.
    assertThat(shared.requestCount("secret/data/shared/api-key")).isEqualTo(2);
  }

  private ForkedJvm withTwoVaults(ForkedJvm jvm, String moreKeys) {
    return jvm.env("PROD_VAULT_TOKEN", prodToken)
        .env("SHARED_VAULT_TOKEN", sharedToken)
        .env("EXPECTED_PROD_DB", PROD_DB)
        .env("EXPECTED_SHARED_KEY", SHARED_KEY)
        // The instances' keys also come from the environment, like any key.
        .env("KAILASH_SECRETS_VAULT_SHARED_TYPE", "vault")
        .env("KAILASH_SECRETS_VAULT_SHARED_URL", shared.url())
        .env("KAILASH_SECRETS_VAULT_SHARED_TOKEN", "${env:SHARED_VAULT_TOKEN}")
        .agent(
            "providers=vault-prod, vault-shared"
                + ";vault-prod.type=vault;vault-prod.url="
                + prod.url()
                + ";vault-prod.token=${env:PROD_VAULT_TOKEN}"
                + ";vault-prod.kv-version=2;vault-shared.kv-version=2"
                + moreKeys);
  }
}
