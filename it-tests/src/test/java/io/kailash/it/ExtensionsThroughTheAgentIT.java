package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.ExtensionApp;
import io.kailash.it.extensions.ThrowingFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example extension (examples/provider-extension, type {@code in-house}) named in {@code
 * extensions}, as a jar and as a folder, and its type in {@code providers}, alone and ahead of
 * {@code env}: its provider injects into nodes. A broken extension stops the JVM with one line that
 * names the jar.
 */
class ExtensionsThroughTheAgentIT {

  private static final String API_TOKEN = "tok-3xt3ns10n-it-secret";
  private static final String NEXT_TOKEN = "tok-3xt3ns10n-it-v2-secret";
  private static final String DB_PASSWORD = "pw-3xt3ns10n-it-env-secret";

  static Stream<Arguments> runs() {
    return Jdk.forTests().stream()
        .flatMap(
            jdk -> Stream.of(Arguments.of(jdk, "in-house"), Arguments.of(jdk, "in-house, env")));
  }

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  @ParameterizedTest(name = "{0}, providers = {1}")
  @MethodSource("runs")
  void theExtensionsProviderInjectsIntoNodes(Jdk jdk, String providers) throws Exception {
    jdk.assumePresent();
    Path secrets = Files.createTempFile(ForkedJvm.workDir(), "in-house-", ".properties");
    Files.writeString(
        secrets,
        "payments/api-token = " + API_TOKEN + "\npayments/api-token@v2 = " + NEXT_TOKEN + "\n",
        StandardCharsets.UTF_8);
    boolean chain = providers.contains("env");
    // One run names the jar, the other a folder of jars.
    Path extensions = chain ? ExtensionJars.folderWithTheExample() : ExtensionJars.example();

    ForkedJvm app =
        ForkedJvm.of(jdk, ExtensionApp.class)
            .agent("extensions=" + extensions + ";providers=" + providers);
    // The extension's key, known only once its jar is loaded: from the environment in one run.
    if (chain) {
      app.env("KAILASH_SECRETS_IN_HOUSE_FILE", secrets.toString());
    } else {
      app.jvmArg("-Dkailash.secrets.in-house.file=" + secrets);
    }
    JvmRun run =
        app.env("EXPECTED_API_TOKEN", API_TOKEN)
            .env("EXPECTED_NEXT_TOKEN", NEXT_TOKEN)
            .env("KAILASH_SECRET_DB_PASSWORD", DB_PASSWORD)
            .run();

    run.assertClean(
        List.of(
            "token=injected",
            "next=injected",
            "password=" + (chain ? "injected" : "not-found"),
            "missing=not-found"),
        API_TOKEN,
        NEXT_TOKEN,
        DB_PASSWORD);
    assertThat(run.agentLines()).anyMatch(line -> line.contains("providers [in-house"));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aMissingJarStopsTheJvmNamingIt(Jdk jdk) throws Exception {
    Path missing = ForkedJvm.workDir().resolve("no-such-extension.jar");

    assertStoppedNaming(jdk, missing.toString(), missing).contains("does not exist");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aListedClassThatIsMissingStopsTheJvmNamingTheJar(Jdk jdk) throws Exception {
    Path jar = ExtensionJars.listing("missing-class.jar", "com.example.NoSuchFactory");

    assertStoppedNaming(jdk, jar.toString(), jar).contains("com.example.NoSuchFactory");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aThrowingFactoryStopsTheJvmNamingTheJar(Jdk jdk) throws Exception {
    Path jar =
        ExtensionJars.listing(
            "throwing.jar", ThrowingFactory.class.getName(), ThrowingFactory.class);

    assertStoppedNaming(jdk, jar.toString(), jar)
        .contains(ThrowingFactory.class.getName())
        .doesNotContain("this factory cannot be created");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aDuplicateTypeStopsTheJvmNamingBothJars(Jdk jdk) throws Exception {
    Path copy = ExtensionJars.exampleCopy("in-house-copy.jar");

    assertStoppedNaming(jdk, ExtensionJars.example() + "," + copy, copy)
        .contains(ExtensionJars.example().toString())
        .contains("both provide the type 'in-house'");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void withOnConfigErrorWarnABrokenExtensionDisablesTheAgent(Jdk jdk) throws Exception {
    jdk.assumePresent();
    Path missing = ForkedJvm.workDir().resolve("no-such-extension.jar");

    JvmRun run =
        ForkedJvm.of(jdk, ExtensionApp.class)
            .agent("extensions=" + missing + ";providers=in-house;on-config-error=warn")
            .env("EXPECTED_API_TOKEN", API_TOKEN)
            .env("KAILASH_SECRET_DB_PASSWORD", DB_PASSWORD)
            .run();

    run.assertClean(
        List.of("token=absent", "next=absent", "password=absent", "missing=without its secret"),
        API_TOKEN,
        DB_PASSWORD);
    assertThat(run.stderr())
        .singleElement()
        .asString()
        .contains(missing.toString())
        .contains("The agent is disabled");
  }

  /** Exit code 1 before main, one line on stderr naming {@code jar}; returns that line. */
  private static org.assertj.core.api.AbstractStringAssert<?> assertStoppedNaming(
      Jdk jdk, String extensions, Path jar) throws Exception {
    jdk.assumePresent();
    JvmRun run =
        ForkedJvm.of(jdk, ExtensionApp.class)
            .agent("extensions=" + extensions + ";providers=env")
            .env("EXPECTED_API_TOKEN", API_TOKEN)
            .run();

    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).as("main never ran").isEmpty();
    assertThat(run.stderr()).hasSize(1);
    return assertThat(run.stderr().get(0))
        .startsWith("kailash-secrets: configuration error: The extension")
        .contains(jar.toString())
        .endsWith("The JVM stops (set on-config-error=warn to run without the agent instead).");
  }
}
