package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import io.kailash.it.apps.AttachApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Attached to a running JVM, the agent retransforms node classes that were already loaded. */
class DynamicAttachIT {

  private static final String TOKEN = "tok-4774ch-it-secret";

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void alreadyLoadedNodeClassesGetSecretsAfterAttach(Jdk jdk) throws Exception {
    jdk.assumePresent();
    Path stats = ForkedJvm.workDir().resolve("attach-stats-" + jdk.feature() + ".txt");
    Files.deleteIfExists(stats);
    ForkedJvm app = ForkedJvm.of(jdk, AttachApp.class).env("KAILASH_SECRET_API_TOKEN", TOKEN);
    if (jdk.feature() >= 21) {
      app.jvmArg("-XX:+EnableDynamicAgentLoading"); // JEP 451 would warn otherwise
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
      VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
      try {
        vm.loadAgent(ForkedJvm.agentJar().toString(), "internal.stats-file=" + stats);
      } finally {
        vm.detach();
      }
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
    assertThat(run.stat("retransformed")).isEqualTo(1);
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
