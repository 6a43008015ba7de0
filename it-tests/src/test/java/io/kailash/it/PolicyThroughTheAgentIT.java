package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.DirectRunApp;
import io.kailash.it.apps.PolicyApp;
import io.kailash.it.apps.PolicyNodes;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code policy.file} through the agent, against the Vault API double: allowed and inherited pairs
 * are injected, a refused pair fails its node before Vault is asked (counted on the double, also
 * for the run-start read-ahead), audit records say so, and a malformed policy is a configuration
 * error with its line number.
 */
class PolicyThroughTheAgentIT {

  private static final String DB_PASSWORD = "pw-p0l1cy-1t-db-secret";
  private static final String LEDGER_KEY = "key-p0l1cy-1t-ledger-secret";
  private static final String TOKEN = "tok-p0l1cy-1t-env-secret";
  private static final String NODES = PolicyNodes.class.getName();

  private VaultApiDouble vault;

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  @BeforeEach
  void startVault() {
    vault = VaultApiDouble.start();
    vault.putKv2("secret", "payments/db", Map.of("password", DB_PASSWORD));
    vault.putKv2("secret", "payments/ledger", Map.of("key", LEDGER_KEY));
  }

  @AfterEach
  void stopVault() {
    vault.close();
  }

  private static Path file(String prefix, String content) throws Exception {
    Path file = Files.createTempFile(ForkedJvm.workDir(), prefix, ".txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private ForkedJvm policyApp(Jdk jdk, Path policy, Path audit) {
    return ForkedJvm.of(jdk, PolicyApp.class)
        .env("VAULT_TOKEN", vault.rootToken())
        .env("EXPECTED_DB_PASSWORD", DB_PASSWORD)
        .agent(
            "providers=vault;vault.url="
                + vault.url()
                + ";vault.kv-version=2;vault.token=${env:VAULT_TOKEN}"
                + ";policy.default=deny;policy.file="
                + policy
                + ";audit.enabled=true;audit.file="
                + audit);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void allowedAndInheritedPairsAreInjectedAndARefusedPairNeverReachesVault(Jdk jdk)
      throws Exception {
    jdk.assumePresent();
    Path policy = file("policy-", "# payments secrets\npayments/** : " + NODES + "$Payments*\n");
    Path audit = ForkedJvm.workDir().resolve("policy-audit-" + jdk.feature() + ".jsonl");
    Files.deleteIfExists(audit);

    JvmRun run = policyApp(jdk, policy, audit).run();

    run.assertClean(
        List.of(
            "allowed=injected",
            "inherited=injected",
            "copied=POLICY_DENIED",
            "copied-in-a-run=copy:POLICY_DENIED"),
        DB_PASSWORD,
        LEDGER_KEY,
        vault.rootToken());
    assertThat(vault.requestCount("secret/data/payments/ledger")).isZero();
    assertThat(vault.requestCount("secret/data/payments/db")).isPositive();
    assertThat(run.stderr())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("Enforcing the secret policy " + policy + " (1 rule, default deny)"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("refuses node class " + NODES + "$CopiedNode")
                    .contains("payments/ledger#key"))
        .noneSatisfy(line -> assertThat(line).contains("No secret policy is enforced"));
    List<String> records = Files.readAllLines(audit, StandardCharsets.UTF_8);
    assertThat(records)
        .filteredOn(line -> line.contains("\"outcome\":\"DENIED_BY_POLICY\""))
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("\"nodeClass\":\"" + NODES + "$CopiedNode\"")
                    .contains("\"secretName\":\"payments/ledger#key\"")
                    .contains("\"provider\":\"secret-policy\""));
    assertThat(records)
        .filteredOn(line -> line.contains("\"outcome\":\"RESOLVED\""))
        .anySatisfy(
            line -> assertThat(line).contains("\"nodeClass\":\"" + NODES + "$RefundNode\""));
    assertThat(String.join("\n", records)).doesNotContain(DB_PASSWORD).doesNotContain(LEDGER_KEY);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aMalformedPolicyStopsTheJvmWithItsLineNumber(Jdk jdk) throws Exception {
    jdk.assumePresent();
    Path policy = file("bad-policy-", "# comment\napi-token com.acme.Node\n");

    JvmRun run =
        ForkedJvm.of(jdk, DirectRunApp.class)
            .env("KAILASH_SECRET_API_TOKEN", TOKEN)
            .agent("policy.file=" + policy)
            .run();

    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr())
        .singleElement()
        .asString()
        .startsWith("kailash-secrets: configuration error: Policy file " + policy + ", line 2: ")
        .contains("no ':'");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aMissingPolicyWithOnConfigErrorWarnDisablesTheAgent(Jdk jdk) throws Exception {
    jdk.assumePresent();
    Path missing = ForkedJvm.workDir().resolve("no-such.policy");

    JvmRun run =
        ForkedJvm.of(jdk, DirectRunApp.class)
            .env("KAILASH_SECRET_API_TOKEN", TOKEN)
            .agent("policy.file=" + missing + ";on-config-error=warn")
            .run()
            .assertClean(DirectRunApp.NOT_INJECTED, TOKEN);

    assertThat(run.agentLines())
        .singleElement()
        .asString()
        .contains("The policy file " + missing + " does not exist")
        .contains("The agent is disabled");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void withoutAPolicyOneInfoLineSaysNoneIsEnforced(Jdk jdk) throws Exception {
    jdk.assumePresent();

    JvmRun run =
        ForkedJvm.of(jdk, DirectRunApp.class)
            .env("KAILASH_SECRET_API_TOKEN", TOKEN)
            .agent("")
            .run()
            .assertClean(DirectRunApp.INJECTED, TOKEN);

    assertThat(run.stderr())
        .filteredOn(line -> line.contains("No secret policy is enforced"))
        .singleElement()
        .asString()
        .contains("INFO");
  }
}
