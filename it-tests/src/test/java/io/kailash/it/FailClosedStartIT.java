package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kailash.it.apps.DirectRunApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's start never fails open: what used to disable it silently (an overflowing duration, a
 * device or FIFO behind ${file:}) stops the JVM with one line, and a start that disabled itself
 * does not block a later correct one.
 */
class FailClosedStartIT {

  private static final String TOKEN = "tok-5t4rt-it-secret";

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  private static ForkedJvm app(Jdk jdk) {
    jdk.assumePresent();
    return ForkedJvm.of(jdk, DirectRunApp.class).env("KAILASH_SECRET_API_TOKEN", TOKEN);
  }

  /** Exit code 1 before main, one line on stderr. */
  private static String assertStopped(JvmRun run) {
    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).as("main never ran").isEmpty();
    assertThat(run.stderr()).hasSize(1);
    return run.stderr().get(0);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void durationBeyondTheMaximumStopsTheJvm(Jdk jdk) throws Exception {
    for (String key : List.of("cache.ttl", "cache.max-stale", "resilience.deadline")) {
      String line =
          assertStopped(
              app(jdk)
                  .agent("cache.enabled=true;resilience.enabled=true;" + key + "=106752d")
                  .run());

      assertThat(line)
          .startsWith("kailash-secrets: configuration error:")
          .contains("'" + key + "'")
          .contains("at most 365d");
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void fileReferenceToADeviceStopsTheJvm(Jdk jdk) throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    String line = assertStopped(app(jdk).agent("log.level=${file:/dev/zero}").run());

    assertThat(line).contains("${file:/dev/zero}").contains("not a regular file");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void fileReferenceToAFifoStopsTheJvmInsteadOfHanging(Jdk jdk) throws Exception {
    Path fifo = ForkedJvm.workDir().resolve("fifo-" + jdk.feature());
    Files.deleteIfExists(fifo);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "no mkfifo");

    String line = assertStopped(app(jdk).agent("log.level=${file:" + fifo + "}").run());

    assertThat(line).contains("not a regular file");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aStartThatDisabledItselfDoesNotBlockALaterCorrectStart(Jdk jdk) throws Exception {
    JvmRun run =
        app(jdk)
            .argBeforeAgent(
                "-javaagent:" + ForkedJvm.agentJar() + "=on-config-error=warn;provders=env")
            .agent("")
            .run();

    run.assertClean(DirectRunApp.INJECTED, TOKEN);
    assertThat(run.agentLines())
        .anyMatch(line -> line.contains("Unknown configuration key 'provders'"))
        .noneMatch(line -> line.contains("already running"));
  }
}
