package io.kailash.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.EnvironmentSecretProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo program end to end, with an in-memory environment instead of the process's. */
class DemoAppTest {

  private static final String KEY = "app-signing-key-0123456789";
  private static final String TOKEN = "app-api-token-abcdef";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

  /** Runs the demo, capturing its output and the log lines slf4j-simple prints to System.err. */
  private int run(Map<String, String> environment, String... args) {
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try {
      return new DemoApp(
              new EnvironmentSecretProvider("KAILASH_SECRET_", environment),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8))
          .run(args);
    } finally {
      System.setErr(originalErr);
    }
  }

  private String everything() {
    return out.toString(StandardCharsets.UTF_8)
        + err.toString(StandardCharsets.UTF_8)
        + logs.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withTheRuntimeProviderTheTokenIsIssuedVerifiedAndAcceptedWithoutPrintingSecrets() {
    int exit =
        run(
            Map.of("KAILASH_SECRET_JWT_SIGNING_KEY", KEY, "KAILASH_SECRET_API_TOKEN", TOKEN),
            DemoApp.RUNTIME_PROVIDER_FLAG,
            "--subject",
            "carol");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("token issued for carol")
        .contains("signature verified for carol")
        .contains("server answered 200 (accepted)");
    assertThat(logs.toString(StandardCharsets.UTF_8))
        .contains("secret=jwt-signing-key")
        .contains("secret=api-token");
    assertThat(everything()).doesNotContain(KEY).doesNotContain(TOKEN);
  }

  @Test
  void missingSecretsAreExplainedWithTheVariablesToSet() {
    int exit = run(Map.of("KAILASH_SECRET_API_TOKEN", TOKEN), DemoApp.RUNTIME_PROVIDER_FLAG);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Missing secret(s) jwt-signing-key, needed by node 'issue_token'")
        .contains("export KAILASH_SECRET_JWT_SIGNING_KEY=...")
        .contains("export KAILASH_SECRET_API_TOKEN=...");
    assertThat(everything()).doesNotContain(TOKEN);
  }

  @Test
  void withoutTheAgentOrTheFlagNothingIsInjectedAndTheDemoSaysHowToFixIt() {
    int exit =
        run(Map.of("KAILASH_SECRET_JWT_SIGNING_KEY", KEY, "KAILASH_SECRET_API_TOKEN", TOKEN));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Node 'issue_token' ran without its secrets")
        .contains("-javaagent:agent/target/kailash-secrets.jar")
        .contains(DemoApp.RUNTIME_PROVIDER_FLAG);
    assertThat(everything()).doesNotContain(KEY).doesNotContain(TOKEN);
  }

  @Test
  void unknownArgumentsPrintTheUsage() {
    int exit = run(Map.of(), "--unknown");

    assertThat(exit).isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage:");
  }
}
