package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.DirectRunApp;
import io.kailash.it.apps.TokenApp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad configuration stops the JVM with one clear line, unless told to warn; a switch-off works.
 */
class AgentConfigurationIT {

  private static final String TOKEN = "tok-c0nf1g-it-secret";

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  private static ForkedJvm app(Jdk jdk) {
    jdk.assumePresent();
    return ForkedJvm.of(jdk, DirectRunApp.class).env("KAILASH_SECRET_API_TOKEN", TOKEN);
  }

  private static Path configFile(String content) throws Exception {
    Path file = Files.createTempFile(ForkedJvm.workDir(), "config-", ".properties");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  /** The JVM stopped before main with exit code 1 and exactly one line on stderr. */
  private static String assertStopped(JvmRun run) {
    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).hasSize(1);
    assertThat(run.stats()).isEmpty();
    run.assertNoSecrets(TOKEN);
    return run.stderr().get(0);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void malformedFileStopsTheJvm(Jdk jdk) throws Exception {
    Path file = configFile("providers = env\nenv.prefix = \\uZZZZ\n");

    String message = assertStopped(app(jdk).agent("config=" + file).run());

    assertThat(message)
        .startsWith("kailash-secrets: configuration error: The configuration file " + file)
        .contains("is malformed");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void unknownKeyIsNamedWithASuggestion(Jdk jdk) throws Exception {
    Path file = configFile("provders = env\n");

    String message = assertStopped(app(jdk).agent("config=" + file).run());

    assertThat(message)
        .contains("Unknown configuration key 'provders'")
        .contains("Did you mean 'providers'?");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void unknownProviderListsTheKnownOnes(Jdk jdk) throws Exception {
    String message =
        assertStopped(app(jdk).jvmArg("-Dkailash.secrets.providers=enx").agent("").run());

    assertThat(message).contains("Unknown provider 'enx'").contains("Did you mean 'env'?");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void literalCredentialOnTheCommandLineIsRefused(Jdk jdk) throws Exception {
    String literal = "hvs.literal-it-token-0042";

    String message =
        assertStopped(app(jdk).jvmArg("-Dkailash.secrets.vault.token=" + literal).agent("").run());

    assertThat(message)
        .contains("'vault.token' is a credential")
        .contains("-Dkailash.secrets.vault.token")
        .contains("${env:")
        .doesNotContain(literal);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void missingRequiredProviderKeyStopsTheJvm(Jdk jdk) throws Exception {
    String message = assertStopped(app(jdk).agent("providers=vault,env").run());

    assertThat(message).contains("vault.url");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void chainFallsThroughAnUnreachableVaultToTheEnvironment(Jdk jdk) throws Exception {
    jdk.assumePresent();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Path file =
        configFile(
            String.join(
                "\n",
                "providers = vault, env",
                "vault.url = http://127.0.0.1:" + closedPort,
                "vault.token = ${env:IT_VAULT_TOKEN}",
                "chain.on-transient-failure = fall-through",
                "resilience.retry.max-attempts = 1"));

    // Only a required secret: for a secret no provider has, the chain reports Vault's failure.
    ForkedJvm.of(jdk, TokenApp.class)
        .env("KAILASH_SECRET_API_TOKEN", TOKEN)
        .env("IT_VAULT_TOKEN", "hvs.it-vault-token")
        .agent("config=" + file)
        .run()
        .assertClean(List.of("token=injected"), TOKEN, "hvs.it-vault-token");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void missingConfigFileIsAnError(Jdk jdk) throws Exception {
    String message =
        assertStopped(
            app(jdk).env("KAILASH_SECRETS_CONFIG", "/nonexistent/x.properties").agent("").run());

    assertThat(message).contains("/nonexistent/x.properties").contains("does not exist");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void warnPolicyRunsTheApplicationWithoutInjection(Jdk jdk) throws Exception {
    Path file = configFile("provders = env\non-config-error = warn\n");

    JvmRun run =
        app(jdk).agent("config=" + file).run().assertClean(DirectRunApp.NOT_INJECTED, TOKEN);

    assertThat(run.stats()).isEmpty();
    assertThat(run.agentLines())
        .singleElement()
        .asString()
        .contains("Did you mean 'providers'?")
        .contains("The agent is disabled");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void disabledAgentTransformsNothing(Jdk jdk) throws Exception {
    // The kill switch wins even over a configuration that would be an error.
    JvmRun run =
        app(jdk)
            .env("KAILASH_SECRETS_ENABLED", "false")
            .jvmArg("-Dkailash.secrets.provders=broken")
            .agent("")
            .run()
            .assertClean(DirectRunApp.NOT_INJECTED, TOKEN);

    assertThat(run.stats()).as("no transformer registered, so no counters").isEmpty();
    assertThat(run.agentLines()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void valuesAndPrecedenceFromEverySource(Jdk jdk) throws Exception {
    // The file says a prefix under which nothing exists; the environment overrides it with the
    // real one (via a ${env:} reference), and the agent argument turns config.show on.
    Path file = configFile("providers = env\nenv.prefix = NOWHERE_\nconfig.show = false\n");

    JvmRun run =
        app(jdk)
            .env("KAILASH_SECRETS_ENV_PREFIX", "${env:IT_PREFIX}")
            .env("IT_PREFIX", "KAILASH_SECRET_")
            .agent("config=" + file + ";config.show=true")
            .run();

    run.assertClean(DirectRunApp.INJECTED, TOKEN);
    assertThat(String.join("\n", run.stderr()))
        .contains("env.prefix = KAILASH_SECRET_  [environment]")
        .contains("config.show = true  [agent argument]");
  }
}
