package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.DirectRunApp;
import io.kailash.it.apps.InheritanceApp;
import io.kailash.it.apps.RuntimeApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages that name what to set, through the built agent: a configuration key behind a misspelt
 * prefix, a missing environment secret, and audit records in the agent's log naming the provider.
 */
class AgentConventionsIT {

  private static final String TOKEN = "tok-5d2c8e-it-secret";
  private static final String DB_PASSWORD = "pw-3a7f10-it-secret";

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  private static ForkedJvm app(Jdk jdk, Class<?> main) {
    jdk.assumePresent();
    return ForkedJvm.of(jdk, main)
        .env("KAILASH_SECRET_API_TOKEN", TOKEN)
        .env("KAILASH_SECRET_DB_PASSWORD", DB_PASSWORD);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aKeyBehindAMisspeltPrefixGetsOneWarningNamingTheRightVariable(Jdk jdk) throws Exception {
    String value = "value-of-the-misprefixed-variable";
    JvmRun run =
        app(jdk, DirectRunApp.class).env("KAILASH_SECRET_LOG_LEVEL", value).agent("").run();

    run.assertClean(DirectRunApp.INJECTED, TOKEN, DB_PASSWORD, value);
    assertThat(run.stderr())
        .filteredOn(line -> line.contains("KAILASH_SECRET_LOG_LEVEL"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("WARN")
                    .contains("'log.level'")
                    .contains("set KAILASH_SECRETS_LOG_LEVEL instead"));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aMissingEnvironmentSecretNamesItsVariableWithTheMessageFramedOnce(Jdk jdk) throws Exception {
    JvmRun run = app(jdk, DirectRunApp.class).agent("").args("missing-detail").run();

    run.assertClean(
        List.of(
            "detail=env: environment variable KAILASH_SECRET_NOT_THERE is not set",
            "message=Secret 'not-there' was not found; providers tried: env (env: environment"
                + " variable KAILASH_SECRET_NOT_THERE is not set). Store the secret in one of"
                + " them, or declare it optional."),
        TOKEN,
        DB_PASSWORD);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void auditRecordsGoToTheFileAndTheAgentsLogNamingTheProvider(Jdk jdk) throws Exception {
    Path audit = Files.createTempFile(ForkedJvm.workDir(), "audit-", ".jsonl");
    JvmRun run =
        app(jdk, InheritanceApp.class)
            .agent("audit.enabled=true;audit.sink=file,log;audit.file=" + audit)
            .run();

    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
    run.assertNoSecrets(TOKEN, DB_PASSWORD);
    List<String> records = Files.readAllLines(audit);
    assertThat(records).hasSize(3).allMatch(line -> line.contains("\"provider\":\"env\""));
    assertThat(run.stderr())
        .filteredOn(line -> line.contains("secret-access"))
        .hasSize(3)
        .allMatch(line -> line.contains("provider=env") && line.contains("outcome=RESOLVED"));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void underLocalRuntimeTheAgentsAuditRecordsNameTheRunAndTheNode(Jdk jdk) throws Exception {
    Path audit = Files.createTempFile(ForkedJvm.workDir(), "audit-", ".jsonl");
    JvmRun run =
        app(jdk, RuntimeApp.class)
            .agent("audit.enabled=true;audit.file=" + audit)
            .args("agent")
            .run();

    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
    run.assertNoSecrets(TOKEN, DB_PASSWORD);
    List<String> records = Files.readAllLines(audit);
    assertThat(records)
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches(".*\"runId\":\"[0-9a-f-]{36}\".*")
                    .contains("\"nodeId\":\"fetch\"", "\"outcome\":\"RESOLVED\""));
  }
}
