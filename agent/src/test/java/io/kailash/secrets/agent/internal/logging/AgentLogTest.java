package io.kailash.secrets.agent.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's own logger: SLF4J-style placeholders, levels, failures, UTC time, one line. */
class AgentLogTest {

  @TempDir Path directory;

  private final AgentLog log = AgentLog.of(AgentLogTest.class);

  @AfterEach
  void backToStderr() throws IOException {
    AgentLogOutput.configure("info", null);
  }

  private List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void fillsPlaceholdersInOrderAndNamesTheLevelAndLogger() throws IOException {
    Path file = directory.resolve("agent.log");
    AgentLogOutput.configure("info", file);

    log.info("providers {}, instrumenting {}.{}(Map)", List.of("env"), "a.Node", "run");

    assertThat(lines(file))
        .singleElement()
        .asString()
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z kailash-secrets INFO AgentLogTest: providers \\[env\\],"
                + " instrumenting a.Node.run\\(Map\\)");
  }

  @Test
  void aTrailingThrowableIsTheFailureShownInOneLineBelowDebug() throws IOException {
    Path file = directory.resolve("agent.log");
    AgentLogOutput.configure("warn", file);

    log.info("not written");
    log.warn("Could not retransform {} classes.", 3, new IllegalStateException("refused"));

    assertThat(lines(file))
        .singleElement()
        .asString()
        .endsWith(
            "WARN AgentLogTest: Could not retransform 3 classes."
                + " (java.lang.IllegalStateException: refused)");
  }

  @Test
  void debugAddsTheStackTraceAndLeavesUnusedPlaceholdersAsWritten() throws IOException {
    Path file = directory.resolve("agent.log");
    AgentLogOutput.configure("debug", file);

    log.debug("{} and {}", "one", new IllegalArgumentException("why"));

    List<String> lines = lines(file);
    assertThat(lines.get(0)).endsWith("DEBUG AgentLogTest: one and {}");
    assertThat(lines.get(1)).isEqualTo("java.lang.IllegalArgumentException: why");
    assertThat(lines.size()).isGreaterThan(2);
  }
}
