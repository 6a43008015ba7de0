package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kailash.it.apps.AttachApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jcmd splits {@code config=FILE} at '=': the agent says how to quote it and disables itself, and
 * that failed attach does not block the correctly quoted one that follows.
 */
class JcmdAttachIT {

  private static final String TOKEN = "tok-jcmd-it-secret";

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void unquotedConfigIsExplainedAndTheQuotedAttachThenWorks(Jdk jdk) throws Exception {
    jdk.assumePresent();
    Path jcmd = jdk.home().resolve("bin/jcmd");
    assumeTrue(Files.isExecutable(jcmd), "no jcmd in " + jdk.home());
    Path stats = ForkedJvm.workDir().resolve("jcmd-stats-" + jdk.feature() + ".txt");
    Files.deleteIfExists(stats);
    Path config = ForkedJvm.workDir().resolve("jcmd-" + jdk.feature() + ".properties");
    Files.writeString(config, "providers = env\ninternal.stats-file = " + stats + "\n");
    ForkedJvm app = ForkedJvm.of(jdk, AttachApp.class).env("KAILASH_SECRET_API_TOKEN", TOKEN);
    if (jdk.feature() >= 21) {
      app.jvmArg("-XX:+EnableDynamicAgentLoading");
    }
    Process process = app.start();
    CompletableFuture<String> stderr =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    try {
      for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
        lines.add(line);
        if (line.equals("ready")) {
          break;
        }
      }
      String agent = ForkedJvm.agentJar().toString();
      jcmd(jcmd, process.pid(), agent, "config=" + config);
      jcmd(jcmd, process.pid(), agent, "\"config=" + config + "\"");
      ForkedJvm.sendLine(process, "go");
      for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
        lines.add(line);
      }
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }

    JvmRun run =
        new JvmRun(process.exitValue(), lines, stderr.join().lines().toList(), stats)
            .assertClean(List.of("before=absent", "ready", "after=injected"), TOKEN);
    assertThat(run.agentLines())
        .anyMatch(line -> line.contains("'\"config=/path/to/kailash-secrets.properties\"'"))
        .noneMatch(line -> line.contains("already running"));
    assertThat(run.stat("retransformed")).isEqualTo(1);
  }

  private static void jcmd(Path jcmd, long pid, String agentJar, String option) throws Exception {
    Process process =
        new ProcessBuilder(
                jcmd.toString(), Long.toString(pid), "JVMTI.agent_load", agentJar, option)
            .redirectErrorStream(true)
            .start();
    String output = read(process.getInputStream());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("jcmd: %s", output).isTrue();
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
