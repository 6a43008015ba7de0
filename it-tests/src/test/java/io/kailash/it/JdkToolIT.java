package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.TokenApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent set in {@code JAVA_TOOL_OPTIONS} with a broken configuration: it stops an application
 * (the control), but JDK tools started in the same environment run as if it were not there.
 */
class JdkToolIT {

  private static final String BROKEN = "providers=no-such-provider";

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void jdkToolsIgnoreTheAgent(Jdk jdk) throws Exception {
    jdk.assumePresent();

    for (List<String> tool : List.of(List.of("jar", "--version"), List.of("javac", "-version"))) {
      ProcessBuilder builder = new ProcessBuilder(jdk.home().resolve("bin/" + tool.get(0)) + "");
      builder.command().add(tool.get(1));
      builder.environment().keySet().removeIf(name -> name.startsWith("KAILASH_"));
      builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions());
      builder.redirectErrorStream(true);
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", tool).isTrue();

      assertThat(process.exitValue()).as("%s exit code; output: %s", tool, output).isZero();
      assertThat(output).as("%s output", tool).contains(tool.get(0) + " " + jdk.feature());
      assertThat(output.replace(javaToolOptions(), "")).doesNotContain("kailash-secrets");
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void theSameSettingStopsAnApplication(Jdk jdk) throws Exception {
    jdk.assumePresent();

    JvmRun run =
        ForkedJvm.of(jdk, TokenApp.class).env("JAVA_TOOL_OPTIONS", javaToolOptions()).run();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).anyMatch(line -> line.contains("no-such-provider"));
  }

  private static String javaToolOptions() throws IOException {
    return "-javaagent:" + ForkedJvm.agentJar() + "=" + BROKEN;
  }
}
