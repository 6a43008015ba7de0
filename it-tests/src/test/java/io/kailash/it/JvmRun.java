package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one forked JVM: exit code, stdout and stderr lines, and the agent's counters (from
 * the test-only stats file), with the checks every agent run must pass.
 */
public record JvmRun(int exitCode, List<String> stdout, List<String> stderr, Path statsFile) {

  /** The agent's counters, or an empty map when the agent wrote none (disabled or absent). */
  public Map<String, Integer> stats() {
    Map<String, Integer> stats = new HashMap<>();
    if (statsFile == null || !Files.exists(statsFile)) {
      return stats;
    }
    try {
      for (String pair : Files.readString(statsFile, StandardCharsets.UTF_8).trim().split(" ")) {
        String[] keyValue = pair.split("=");
        stats.put(keyValue[0], Integer.parseInt(keyValue[1]));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return stats;
  }

  public int stat(String name) {
    Integer value = stats().get(name);
    assertThat(value).as("counter %s in %s; stderr: %s", name, stats(), stderr).isNotNull();
    return value;
  }

  /**
   * Exit code 0, stdout exactly {@code expectedStdout} (so the agent added nothing to it), no
   * secret value on either stream, and, with the agent, no transformation error.
   */
  public JvmRun assertClean(List<String> expectedStdout, String... secretValues) {
    assertThat(exitCode).as("exit code; stderr: %s", stderr).isZero();
    assertThat(stdout).as("stdout; stderr: %s", stderr).containsExactlyElementsOf(expectedStdout);
    assertNoSecrets(secretValues);
    if (statsFile != null && Files.exists(statsFile)) {
      assertThat(stat("errors")).as("transformation errors; stderr: %s", stderr).isZero();
      assertThat(stat("internal-faults")).as("internal faults; stderr: %s", stderr).isZero();
    }
    return this;
  }

  public JvmRun assertNoSecrets(String... secretValues) {
    for (String secret : secretValues) {
      assertThat(String.join("\n", stdout)).doesNotContain(secret);
      assertThat(String.join("\n", stderr)).doesNotContain(secret);
    }
    return this;
  }

  /** stderr lines written by the agent (they all start with its name). */
  public List<String> agentLines() {
    return stderr.stream().filter(line -> line.contains("kailash-secrets")).toList();
  }
}
