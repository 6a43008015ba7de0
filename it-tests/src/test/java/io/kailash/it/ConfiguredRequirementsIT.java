package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.ThirdPartyApp;
import io.kailash.it.apps.failclosed.FailClosedApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code requirements.<class>} through the agent: unannotated third-party node classes get the
 * secrets configuration declares for them (and their subclasses do), a missing required one stops
 * the node before its body, and a bad declaration stops the JVM with one line.
 */
class ConfiguredRequirementsIT {

  private static final String KEY = "k3y-c0nf1gured-req-it-secret";
  private static final String TOKEN = "tok-c0nf1gured-req-it-secret";
  private static final String THIRD_PARTY = "io.kailash.it.apps.thirdparty.";

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  private static Path configFile(String content) throws Exception {
    Path file = Files.createTempFile(ForkedJvm.workDir(), "requirements-", ".properties");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static ForkedJvm app(Jdk jdk) {
    jdk.assumePresent();
    return ForkedJvm.of(jdk, ThirdPartyApp.class)
        .env("KAILASH_SECRET_JWT_SIGNING_KEY", KEY)
        .env("KAILASH_SECRET_API_TOKEN", TOKEN);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void thirdPartyNodesGetTheirConfiguredSecretsAndAMissingOneFailsClosed(Jdk jdk) throws Exception {
    Path file =
        configFile(
            "providers = env\n"
                + "requirements."
                + THIRD_PARTY
                + "SigningNode = jwt-signing-key -> secret_key, api-token -> api_token (optional)\n"
                + "requirements."
                + THIRD_PARTY
                + "LedgerNode = ledger-key@v2 -> ledger_key\n");

    JvmRun run = app(jdk).agent("config=" + file).run();

    run.assertClean(
        List.of(
            "direct=injected,injected",
            "subclass=injected",
            "runtime=injected",
            "missing=not-found"),
        KEY,
        TOKEN);
  }

  /**
   * A configured class the agent cannot weave is refused when created, as an annotated one is: in
   * an ignored package, and in a class loader that cannot see the agent's bridge.
   */
  @ParameterizedTest
  @MethodSource("jdks")
  void aConfiguredClassThatIsNotWovenIsRefusedBeforeItsBodyRuns(Jdk jdk) throws Exception {
    for (String[] shape :
        new String[][] {
          {"named", "org.springframework.acme.UnannotatedSpringNode", "ignored-library list"},
          {"loader", THIRD_PARTY + "SigningNode", "cannot see the kailash-secrets agent's bridge"}
        }) {
      jdk.assumePresent();
      JvmRun run =
          ForkedJvm.of(jdk, FailClosedApp.class)
              .env("KAILASH_SECRET_API_TOKEN", TOKEN)
              .agent("requirements." + shape[1] + "=api-token -> api_token")
              .args(shape[0], shape[1])
              .run();

      assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
      assertThat(run.stdout()).as("the body never ran; stderr: %s", run.stderr()).hasSize(1);
      assertThat(run.stdout().get(0))
          .startsWith(shape[0] + "=refused io.kailash.secrets.SecretBackendException: ")
          .contains("Node class " + shape[1] + " declares secrets but is refused")
          .contains(shape[2]);
      run.assertNoSecrets(TOKEN);
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aBadRequirementKeyStopsTheJvmWithOneLine(Jdk jdk) throws Exception {
    Path file =
        configFile("requirements." + THIRD_PARTY + "SigningNode = jwt-signing-key secret_key\n");

    JvmRun run = app(jdk).agent("config=" + file).run();

    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr())
        .singleElement()
        .asString()
        .startsWith(
            "kailash-secrets: configuration error: Invalid secret requirements in 'requirements."
                + THIRD_PARTY
                + "SigningNode': the entry 'jwt-signing-key secret_key' is invalid: it needs"
                + " exactly one '->'")
        .contains("<secret>[@<version>] -> <parameter> [(optional)]")
        .endsWith("The JVM stops (set on-config-error=warn to run without the agent instead).");
  }
}
