package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.failclosed.EarlyLoaderAgent;
import io.kailash.it.apps.failclosed.EarlyNode;
import io.kailash.it.apps.failclosed.FailClosedApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deployment shape in which the agent cannot weave a node class's run: the node is refused
 * with the application's own SecretBackendException naming the class and why, and its body never
 * runs. The shapes the agent can handle get their secrets.
 */
class FailClosedIT {

  private static final String TOKEN = "tok-fa11c1o5ed-it-secret";
  private static final String REFUSED = "refused io.kailash.secrets.SecretBackendException: ";

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  private static ForkedJvm app(Jdk jdk, String... args) {
    jdk.assumePresent();
    return ForkedJvm.of(jdk, FailClosedApp.class)
        .env("KAILASH_SECRET_API_TOKEN", TOKEN)
        .agent("")
        .args(args);
  }

  /** One line on stdout: the node was refused, naming the class and the reason. */
  private static String assertRefused(JvmRun run, String shape, String className) {
    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
    assertThat(run.stdout()).as("the body never ran; stderr: %s", run.stderr()).hasSize(1);
    String line = run.stdout().get(0);
    assertThat(line).startsWith(shape + "=" + REFUSED).contains("Node class " + className);
    run.assertNoSecrets(TOKEN);
    return line;
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void nodeLoadedByAnotherAgentBeforePremainIsRetransformed(Jdk jdk) throws Exception {
    Path early =
        Jars.withManifest("early-agent.jar", "Premain-Class: " + EarlyLoaderAgent.class.getName());
    JvmRun run =
        app(jdk, "early")
            .argBeforeAgent("-javaagent:" + early + "=" + EarlyNode.class.getName())
            .run();

    run.assertClean(List.of("early=injected"), TOKEN);
    assertThat(run.stat("retransformed")).isOne();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void classDefinedFromBytesUnderAnAnnotatedBaseDefinedFromBytesGetsItsSecrets(Jdk jdk)
      throws Exception {
    JvmRun run = app(jdk, "bytes").run();

    assertThat(run.stdout())
        .as("stderr: %s", run.stderr())
        .containsExactly("body ran: io.kailash.it.apps.failclosed.BytesNode", "bytes=injected");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void hiddenClassIsRefused(Jdk jdk) throws Exception {
    String line =
        assertRefused(
            app(jdk, "hidden").run(), "hidden", "io.kailash.it.apps.failclosed.HiddenNode");

    assertThat(line).contains("not instrumented: hidden class");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void nodesInIgnoredLibraryPackagesAreRefused(Jdk jdk) throws Exception {
    for (String node :
        List.of("org.springframework.acme.SpringNode", "com.google.acme.GoogleNode")) {
      String line = assertRefused(app(jdk, "named", node).run(), "named", node);

      assertThat(line).contains("ignored-library list");
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void runTooLargeToWeaveIsRefused(Jdk jdk) throws Exception {
    Path classes = LargeNodeSource.compile();
    JvmRun run = app(jdk, "named", LargeNodeSource.CLASS_NAME).classPathEntry(classes).run();

    String line = assertRefused(run, "named", LargeNodeSource.CLASS_NAME);
    assertThat(line).contains("too large to instrument");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void loaderThatCannotSeeTheBridgeHasItsNodesRefused(Jdk jdk) throws Exception {
    JvmRun run = app(jdk, "loader", "io.kailash.it.apps.TokenNode").run();

    String line = assertRefused(run, "loader", "io.kailash.it.apps.TokenNode");
    assertThat(line).contains("cannot see the kailash-secrets agent's bridge");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void apiJarOfAnotherProtocolVersionHasItsNodesRefused(Jdk jdk) throws Exception {
    Path api = ForkedJvm.dependency("kailash-secrets-api");
    Path skewed =
        Jars.replacingBytes(
            api,
            "io/kailash/secrets/injection/AgentHandoff.class",
            "kailash-secrets-protocol-3",
            "kailash-secrets-protocol-9");
    JvmRun run =
        app(jdk, "named", "io.kailash.it.apps.TokenNode")
            .replacingJar("kailash-secrets-api", skewed)
            .run();

    String line = assertRefused(run, "named", "io.kailash.it.apps.TokenNode");
    assertThat(line).contains("kailash-secrets-protocol-9").contains("kailash-secrets-protocol-3");
    assertThat(run.stderr().stream().filter(l -> l.contains("kailash-secrets-protocol-9")))
        .as("one line naming both versions")
        .hasSize(1);
  }
}
