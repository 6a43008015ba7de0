package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kailash.it.apps.check.CheckNodes;
import io.kailash.it.apps.check.MissingSecretNode;
import io.kailash.it.apps.thirdparty.LedgerNode;
import io.kailash.secrets.vault.testing.TokenSpec;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar kailash-secrets.jar check} against the Vault API double, as its own process: the
 * exit code, the report on stdout, and never a secret value or the token in either stream.
 */
class CheckCommandIT {

  private static final String API_TOKEN = "tok-ch3ck-1t-api-secret";
  private static final String DB_PASSWORD = "pw-ch3ck-1t-db-secret";
  private static final Class<?>[] NODES = {
    CheckNodes.class,
    CheckNodes.ApiNode.class,
    CheckNodes.DatabaseNode.class,
    CheckNodes.ReportNode.class
  };

  private static VaultApiDouble vault;
  private static String token;

  @BeforeAll
  static void storeTheSecretsInVault() {
    vault = VaultApiDouble.start();
    vault.putKv2("secret", "app/api-token", Map.of("value", API_TOKEN));
    vault.putKv2("secret", "app/db", Map.of("username", "app", "password", DB_PASSWORD));
    token =
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

  @Test
  void aGoodConfigurationResolvesEveryRequiredSecret() throws Exception {
    JvmRun run = check("--config", vaultConfig(), "--jar", CheckRun.jar("", Map.of(), NODES));

    assertThat(run.exitCode()).as("stdout %s; stderr %s", run.stdout(), run.stderr()).isZero();
    assertThat(run.stdout())
        .contains(
            "Configuration: valid",
            "  vault: ok (reachable, authenticated, allowed to read)",
            "  io.kailash.it.apps.check.CheckNodes$ApiNode",
            "    ok   app/api-token -> parameter api_token, required, policy allows, resolves from"
                + " vault",
            "  io.kailash.it.apps.check.CheckNodes$ReportNode",
            "    ok   app/db#password -> parameter db_password, required, policy allows, resolves"
                + " from vault",
            "Result: OK");
    assertThat(run.stdout())
        .as("the optional secret is reported, and does not fail the check")
        .anyMatch(
            line -> line.startsWith("    ok   app/not-yet-created") && line.contains("NOT FOUND"))
        .as("an abstract class never runs as a node")
        .doesNotContain("  io.kailash.it.apps.check.CheckNodes$DatabaseNode");
    run.assertNoSecrets(API_TOKEN, DB_PASSWORD, token);
  }

  @Test
  void aMissingRequiredSecretIsNamedAndFailsTheCheck() throws Exception {
    Path app = CheckRun.jar("", Map.of(), MissingSecretNode.class);

    JvmRun run = check("--config", vaultConfig(), "--jar", app);

    assertThat(run.exitCode()).as("stdout %s; stderr %s", run.stdout(), run.stderr()).isOne();
    assertThat(run.stdout())
        .anyMatch(
            line ->
                line.startsWith("    FAIL app/forgotten-key -> parameter key, required")
                    && line.contains("NOT FOUND"))
        .contains("Result: FAILED (exit 1)");
    run.assertNoSecrets(API_TOKEN, DB_PASSWORD, token);
  }

  @Test
  void everyConfigurationErrorIsReportedAtOnce() throws Exception {
    Path config =
        CheckRun.config(
            "providers = vault, envv",
            "vault.url = " + vault.url(),
            "vault.kv-version = 2",
            "vault.token = ${env:VAULT_TOKEN}",
            "vault.tokn = oops",
            "policy.default = maybe");

    JvmRun run = check("--config", config);

    assertThat(run.exitCode()).as("stderr %s", run.stderr()).isOne();
    List<String> errors =
        run.stdout().stream().filter(line -> line.startsWith("  ERROR ")).toList();
    assertThat(errors).hasSize(3);
    assertThat(String.join("\n", errors))
        .contains("'vault.tokn'", "Did you mean 'vault.token'?")
        .contains("Unknown provider 'envv'")
        .contains("'policy.default'", "allow, deny");
    assertThat(run.stdout()).contains("Configuration: 3 error(s)");
    run.assertNoSecrets(token);
  }

  @Test
  void anUnreachableProviderFailsTheCheck() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path config =
        CheckRun.config(
            "providers = vault",
            "vault.url = http://127.0.0.1:" + closedPort,
            "vault.kv-version = 2",
            "vault.token = ${env:VAULT_TOKEN}");

    JvmRun run = check("--config", config, "--jar", CheckRun.jar("", Map.of(), NODES));

    assertThat(run.exitCode()).as("stdout %s; stderr %s", run.stdout(), run.stderr()).isOne();
    assertThat(run.stdout())
        .anyMatch(line -> line.startsWith("  vault: FAILED "))
        .anyMatch(
            line -> line.startsWith("    FAIL app/api-token") && line.contains("ERROR from vault"));
    run.assertNoSecrets(token);
  }

  @Test
  void namedInstancesAreShownAndCheckedEachUnderItsName() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path config =
        CheckRun.config(
            "providers = vault-app, vault-down",
            "vault-app.type = vault",
            "vault-app.url = " + vault.url(),
            "vault-app.kv-version = 2",
            "vault-app.token = ${env:VAULT_TOKEN}",
            "vault-down.type = vault",
            "vault-down.url = http://127.0.0.1:" + closedPort,
            "vault-down.kv-version = 2",
            "vault-down.token = ${env:VAULT_TOKEN}");
    Path app = CheckRun.jar("", Map.of(), NODES);

    JvmRun run = check("--config", config, "--jar", app);

    assertThat(run.exitCode()).as("stdout %s; stderr %s", run.stdout(), run.stderr()).isOne();
    assertThat(run.stdout())
        .contains(
            "Configuration: valid",
            "  vault-app (type vault): ok (reachable, authenticated, allowed to read)",
            "    ok   app/api-token -> parameter api_token, required, policy allows, resolves from"
                + " vault-app")
        .anyMatch(line -> line.startsWith("  vault-down (type vault): FAILED "));
    JsonNode providers =
        new ObjectMapper()
            .readTree(String.join("\n", check("--config", config, "--format", "json").stdout()))
            .get("providers");
    assertThat(providers.get(0).get("name").asText()).isEqualTo("vault-app");
    assertThat(providers.get(0).get("type").asText()).isEqualTo("vault");
    assertThat(providers.get(1).get("name").asText()).isEqualTo("vault-down");
    assertThat(providers.get(1).get("ok").asBoolean()).isFalse();
    run.assertNoSecrets(API_TOKEN, DB_PASSWORD, token);
  }

  @Test
  void everyNamedInstanceErrorIsReportedAtOnce() throws Exception {
    Path config =
        CheckRun.config(
            "providers = vault-a, vault-b, vault-c",
            "vault-a.type = vault",
            "vault-a.url = " + vault.url(),
            "vault-a.tokn = oops",
            "vault-b.type = vualt",
            "vault-old.type = vault");

    JvmRun run = check("--config", config);

    assertThat(run.exitCode()).as("stderr %s", run.stderr()).isOne();
    String errors =
        String.join(
            "\n", run.stdout().stream().filter(line -> line.startsWith("  ERROR ")).toList());
    assertThat(errors)
        .contains("'vault-a.tokn'", "Did you mean 'vault-a.token'?")
        .contains("Unknown provider type 'vualt' in 'vault-b.type'")
        .contains("Unknown provider 'vault-c'", "vault-c.type = <type>")
        .contains("'vault-old.type'", "that 'providers' does not name");
  }

  @Test
  void aUsageErrorExitsWithTwoAndTheUsageLine() throws Exception {
    JvmRun run = check("--config", vaultConfig(), "--format", "yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr())
        .contains("kailash-secrets check: --format is text or json, not 'yaml'")
        .anyMatch(line -> line.startsWith("usage: java -jar kailash-secrets.jar check --config"));
  }

  @Test
  void aSpringBootFatJarIsScannedIntoItsNestedJars() throws Exception {
    // The node's superclass, which declares the secret, lives in a library jar in BOOT-INF/lib.
    Path library = CheckRun.jar("", Map.of(), CheckNodes.DatabaseNode.class);
    Path fatJar =
        CheckRun.jar(
            "BOOT-INF/classes/",
            Map.of("BOOT-INF/lib/nodes-library.jar", library),
            CheckNodes.ReportNode.class);
    assertThat(CheckRun.entries(fatJar))
        .contains(
            "BOOT-INF/classes/io/kailash/it/apps/check/CheckNodes$ReportNode.class",
            "BOOT-INF/lib/nodes-library.jar");

    JvmRun run = check("--config", vaultConfig(), "--jar", fatJar);

    assertThat(run.exitCode()).as("stdout %s; stderr %s", run.stdout(), run.stderr()).isZero();
    assertThat(run.stdout())
        .contains(
            "Node classes: 1",
            "    ok   app/db#password -> parameter db_password, required, policy allows, resolves"
                + " from vault");
    run.assertNoSecrets(DB_PASSWORD, token);
  }

  @Test
  void theJsonReportParsesAndNamesTheAnsweringProvider() throws Exception {
    JvmRun run =
        check(
            "--config", vaultConfig(),
            "--jar", CheckRun.jar("", Map.of(), NODES),
            "--format", "json");

    assertThat(run.exitCode()).as("stderr %s", run.stderr()).isZero();
    JsonNode report = new ObjectMapper().readTree(String.join("\n", run.stdout()));
    assertThat(report.get("exitCode").asInt()).isZero();
    assertThat(report.get("configErrors")).isEmpty();
    assertThat(report.get("providers").get(0).get("ok").asBoolean()).isTrue();
    JsonNode api = report.get("nodes").get(0);
    assertThat(api.get("class").asText()).isEqualTo("io.kailash.it.apps.check.CheckNodes$ApiNode");
    JsonNode secret = api.get("secrets").get(0);
    assertThat(secret.get("name").asText()).isEqualTo("app/api-token");
    assertThat(secret.get("status").asText()).isEqualTo("resolves");
    assertThat(secret.get("provider").asText()).isEqualTo("vault");
    assertThat(secret.get("policy").asText()).isEqualTo("allow");
    run.assertNoSecrets(API_TOKEN, DB_PASSWORD, token);
  }

  @Test
  void aRequiredSecretThePolicyDeniesFailsTheCheckAndInheritanceIsHonoured() throws Exception {
    Path policy = Files.createTempFile(ForkedJvm.workDir(), "policy-", ".txt");
    Files.write(
        policy,
        List.of(
            "# the superclass that declares the requirement is listed, not its subclass",
            "app/db : io.kailash.it.apps.check.CheckNodes$DatabaseNode",
            "app/api-token : com.acme.**"));
    Path config = appendTo(vaultConfig(), "policy.file = " + policy);

    JvmRun run = check("--config", config, "--jar", CheckRun.jar("", Map.of(), NODES));

    assertThat(run.exitCode()).as("stdout %s; stderr %s", run.stdout(), run.stderr()).isOne();
    assertThat(run.stdout())
        .contains(
            "    FAIL app/api-token -> parameter api_token, required, policy DENIES, not checked:"
                + " denied by policy",
            "    ok   app/db#password -> parameter db_password, required, policy allows, resolves"
                + " from vault");
    run.assertNoSecrets(API_TOKEN, DB_PASSWORD, token);
  }

  @Test
  void configuredRequirementsAreListedCheckedAndTheirClashesFailTheCheck() throws Exception {
    String ledger = "io.kailash.it.apps.thirdparty.LedgerNode";
    Path app =
        CheckRun.jar("", Map.of(), CheckNodes.class, CheckNodes.ApiNode.class, LedgerNode.class);
    Path config =
        appendTo(vaultConfig(), "requirements." + ledger + " = app/api-token -> ledger_token");
    appendTo(config, "requirements.com.acme.NotThere = app/api-token -> token");

    JvmRun run = check("--config", config, "--jar", app);

    assertThat(run.exitCode()).as("stdout %s; stderr %s", run.stdout(), run.stderr()).isZero();
    assertThat(run.stdout())
        .contains(
            "Configured requirements (requirements.<class>):",
            "  " + ledger + " = app/api-token -> ledger_token",
            "  " + ledger,
            "    ok   app/api-token -> parameter ledger_token, required, policy allows, resolves"
                + " from vault")
        .anyMatch(
            line ->
                line.startsWith(
                    "  NOTE requirements.com.acme.NotThere: no such class in the scanned"));

    appendTo(
        config,
        "requirements.io.kailash.it.apps.check.CheckNodes$ApiNode = app/db#password -> api_token");
    JvmRun clash = check("--config", config, "--jar", app);

    assertThat(clash.exitCode()).isOne();
    assertThat(clash.stdout())
        .contains(
            "  ERROR requirements.io.kailash.it.apps.check.CheckNodes$ApiNode declares the parameter"
                + " 'api_token', which @SecretRequirement on"
                + " io.kailash.it.apps.check.CheckNodes$ApiNode declares too; each parameter can be"
                + " filled by one secret only.");
    run.assertNoSecrets(API_TOKEN, DB_PASSWORD, token);
    clash.assertNoSecrets(API_TOKEN, DB_PASSWORD, token);
  }

  private static Path vaultConfig() throws Exception {
    return CheckRun.config(
        "providers = vault",
        "vault.url = " + vault.url(),
        "vault.kv-version = 2",
        "vault.token = ${env:VAULT_TOKEN}");
  }

  private static Path appendTo(Path config, String line) throws Exception {
    Files.write(config, List.of(line), java.nio.file.StandardOpenOption.APPEND);
    return config;
  }

  private static JvmRun check(Object... arguments) throws Exception {
    String[] strings = new String[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      strings[i] = arguments[i].toString();
    }
    return new CheckRun().env("VAULT_TOKEN", token).check(strings);
  }
}
