package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.ConflictApp;
import io.kailash.it.apps.CustomBaseTypeApp;
import io.kailash.it.apps.DirectRunApp;
import io.kailash.it.apps.InheritanceApp;
import io.kailash.it.apps.RuntimeApp;
import io.kailash.it.apps.UntrustedInputApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent injects secrets into the nodes of applications that pass no provider in code. */
class AgentInjectionIT {

  private static final String TOKEN = "tok-7f3a9c-it-secret";
  private static final String DB_PASSWORD = "pw-91b2e4-it-secret";

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
  void directRunGetsSecretsAndFilledPlaceholders(Jdk jdk) throws Exception {
    JvmRun run = app(jdk, DirectRunApp.class).agent("").run();

    run.assertClean(DirectRunApp.INJECTED, TOKEN, DB_PASSWORD);
    assertThat(run.stat("transformed")).isEqualTo(1); // TokenNode; MissingSecretNode is not loaded
    assertThat(run.stat("resolutions")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void localRuntimeWithoutAProviderGetsSecretsFromTheAgent(Jdk jdk) throws Exception {
    JvmRun run = app(jdk, RuntimeApp.class).agent("").args("agent").run();

    run.assertClean(List.of("token=injected"), TOKEN);
    assertThat(run.stat("resolutions")).isEqualTo(1);
    assertThat(run.stat("run-start-hooks")).as("LocalRuntime told the agent a run started").isOne();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void localRuntimeWithItsOwnProviderIsNotResolvedAgain(Jdk jdk) throws Exception {
    JvmRun run = app(jdk, RuntimeApp.class).agent("").args("own-provider").run();

    run.assertClean(List.of("token=injected"), TOKEN);
    assertThat(run.stat("transformed")).isEqualTo(1);
    assertThat(run.stat("resolutions")).as("the runtime already injected").isZero();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void underTheAgentUserTextStaysLiteralAndWhatLeavesANodeIsMasked(Jdk jdk) throws Exception {
    Path audit = Files.createTempFile(ForkedJvm.workDir(), "audit-", ".jsonl");
    JvmRun run =
        app(jdk, UntrustedInputApp.class).agent("audit.enabled=true;audit.file=" + audit).run();

    assertThat(run.stdout()).containsExactlyElementsOf(UntrustedInputApp.EXPECTED);
    run.assertNoSecrets(TOKEN);
    assertThat(Files.readString(audit)).doesNotContain(TOKEN).contains("api-token");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void withoutTheAgentNothingIsInjected(Jdk jdk) throws Exception {
    app(jdk, DirectRunApp.class).run().assertClean(DirectRunApp.NOT_INJECTED, TOKEN);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void missingRequiredSecretRaisesTheApplicationsOwnException(Jdk jdk) throws Exception {
    app(jdk, DirectRunApp.class)
        .agent("")
        .args("missing")
        .run()
        .assertClean(List.of("missing=caught not-there"), TOKEN);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void inheritedRequirementsAreResolvedOnceAcrossSuperRun(Jdk jdk) throws Exception {
    Path audit = Files.createTempFile(ForkedJvm.workDir(), "audit-", ".jsonl");
    JvmRun run =
        app(jdk, InheritanceApp.class).agent("audit.enabled=true;audit.file=" + audit).run();

    run.assertClean(
        List.of(
            "base-token=injected",
            "child-token=injected",
            "child-db=injected",
            "leaf-token=injected"),
        TOKEN,
        DB_PASSWORD);
    // ChildNode.run calls BaseNode.run: both woven, one resolution. AnnotatedLeaf inherits the
    // woven PlainNode.run: one more.
    assertThat(run.stat("resolutions")).isEqualTo(2);
    List<String> records = Files.readAllLines(audit);
    assertThat(records)
        .hasSize(3); // api-token and db-password for ChildNode, api-token for the leaf
    assertThat(records)
        .allMatch(line -> line.contains("\"RESOLVED\""))
        .noneMatch(line -> line.contains(TOKEN) || line.contains(DB_PASSWORD));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void customBaseTypeAndMethod(Jdk jdk) throws Exception {
    JvmRun run =
        app(jdk, CustomBaseTypeApp.class)
            .agent(
                "instrument.base-type=io.kailash.it.apps.CustomBaseTypeApp$Task;"
                    + "instrument.method=execute")
            .run();

    run.assertClean(List.of("task-token=injected", "node-token=refused"), TOKEN);
    assertThat(run.stat("transformed")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void applicationWithOtherJacksonAndByteBuddyVersionsWorksWithTheAgent(Jdk jdk) throws Exception {
    ForkedJvm app =
        app(jdk, ConflictApp.class)
            .agent("")
            .conflictingLibraries(Path.of(System.getProperty("it.conflict.libs")));
    if (jdk.feature() > 22) {
      app.jvmArg("-Dnet.bytebuddy.experimental=true"); // the application's old Byte Buddy
    }

    app.run()
        .assertClean(
            List.of(
                "json={\"a\":1}",
                "jackson=2.17.2",
                "bytebuddy-subclass=generated",
                "bytebuddy=byte-buddy-1.14.12.jar",
                "token=injected"),
            TOKEN);
  }
}
