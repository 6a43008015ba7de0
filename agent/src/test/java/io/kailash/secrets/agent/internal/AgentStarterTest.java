package io.kailash.secrets.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Any failure during start follows on-config-error, not only configuration exceptions. */
class AgentStarterTest {

  @Test
  void anUnexpectedFailureFollowsOnConfigErrorAndLeavesTheAgentOff() {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    boolean started;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      started =
          AgentStarter.start(
              "on-config-error=warn;jmx.enabled=false",
              null,
              false,
              Path.of("/nonexistent/kailash-secrets.jar"),
              Object.class,
              (implementation, faults) -> {
                throw new IllegalStateException("not a configuration error");
              });
    } finally {
      System.setErr(original);
    }

    assertThat(started).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("kailash-secrets: configuration error: the agent could not start")
        .contains("IllegalStateException")
        .contains("The agent is disabled");
  }
}
