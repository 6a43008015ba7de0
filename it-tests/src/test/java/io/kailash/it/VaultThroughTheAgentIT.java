package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.JmxApp;
import io.kailash.it.apps.VaultApp;
import io.kailash.secrets.vault.testing.TokenSpec;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code providers=vault} (alone, and ahead of {@code env}) against the in-process Vault API
 * double: the application's token may read {@code secret/.../app/} only, and reaches the agent
 * through {@code ${env:VAULT_TOKEN}}, never on the command line.
 */
class VaultThroughTheAgentIT {

  private static final String API_TOKEN = "tok-v4ult-1t-api-secret";
  private static final String DB_PASSWORD = "pw-v4ult-1t-db-secret";
  private static final String ENV_DECOY = "decoy-v4ult-1t-env-secret";

  private static VaultApiDouble vault;
  private static String appToken;

  static Stream<Arguments> runs() {
    return Jdk.forTests().stream()
        .flatMap(jdk -> Stream.of(Arguments.of(jdk, "vault"), Arguments.of(jdk, "vault, env")));
  }

  @BeforeAll
  static void storeTheSecretsInVault() {
    vault = VaultApiDouble.start();
    vault.putKv2("secret", "app/api-token", Map.of("value", API_TOKEN));
    vault.putKv2("secret", "app/db", Map.of("username", "app", "password", DB_PASSWORD));
    vault.putKv2("secret", "team-b/key", Map.of("value", "team-b-only"));
    appToken =
        vault.createToken(
            TokenSpec.of(Duration.ZERO, false)
                .withAllowedPaths("secret/data/app/", "secret/metadata/app/"));
  }

  @AfterAll
  static void stopVault() {
    if (vault != null) {
      vault.close();
    }
  }

  @ParameterizedTest(name = "{0}, providers = {1}")
  @MethodSource("runs")
  void nodesGetVaultSecretsAndFailuresReachTheApplication(Jdk jdk, String providers)
      throws Exception {
    jdk.assumePresent();

    JvmRun run =
        withVault(ForkedJvm.of(jdk, VaultApp.class), providers)
            .env("EXPECTED_API_TOKEN", API_TOKEN)
            .env("EXPECTED_DB_PASSWORD", DB_PASSWORD)
            // What env would serve if the chain fell through after Vault's 403.
            .env("KAILASH_SECRET_TEAM_B_KEY", ENV_DECOY)
            .run();

    run.assertClean(
        List.of(
            "token=injected", "password=injected", "missing=not-found", "forbidden=ACCESS_DENIED"),
        appToken,
        API_TOKEN,
        DB_PASSWORD,
        ENV_DECOY);
    assertThat(run.stat("resolutions")).isEqualTo(4);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void theCacheIsAnMBeanOfTheApplicationsPlatformServer(Jdk jdk) throws Exception {
    jdk.assumePresent();

    JvmRun run =
        withVault(ForkedJvm.of(jdk, JmxApp.class), "vault")
            .env("EXPECTED_API_TOKEN", API_TOKEN)
            .run();

    run.assertClean(
        List.of(
            "token=injected",
            "token=injected",
            "cache-mbean=found",
            "hits=1",
            "size-after-invalidateAll=0",
            "provider-mbean=found"),
        appToken,
        API_TOKEN);
  }

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  private static ForkedJvm withVault(ForkedJvm jvm, String providers) {
    return jvm.env("VAULT_TOKEN", appToken)
        .agent(
            "providers="
                + providers
                + ";vault.url="
                + vault.url()
                + ";vault.kv-version=2;vault.token=${env:VAULT_TOKEN}");
  }
}
