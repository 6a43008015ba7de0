package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.testing.MapSecretProvider;
import io.kailash.testing.StderrCapture;
import io.kailash.testing.TestNodes.CapturingNode;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A caller-supplied value for a secret parameter is warned about once per node class, on both the
 * library path (LocalRuntime) and the agent path (AgentHandoff), however many threads run it.
 */
class OverriddenSecretWarningTest {

  private static final int THREADS = 64;
  private static final int CALLS_PER_THREAD = 4;

  @SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
  public static class LibraryPathNode extends CapturingNode {}

  @SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
  public static class AgentPathNode extends CapturingNode {}

  @Test
  void theLibraryPathWarnsOncePerNodeClassUnderManyThreads() throws Exception {
    LocalRuntime runtime =
        LocalRuntime.builder()
            .secretProvider(new MapSecretProvider("memory").put("jwt-signing-key", "k3y-v4lue"))
            .auditLogging(false)
            .build();
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(LibraryPathNode.class, "signer", Map.of("secret_key", "hard-coded-v4lue"))
            .build();

    String logs = inThreads(() -> runtime.execute(workflow));

    assertThat(count(logs, "secret parameter 'secret_key'")).isEqualTo(1);
    assertThat(logs).contains(LibraryPathNode.class.getName()).doesNotContain("hard-coded-v4lue");
  }

  @Test
  void theAgentPathWarnsOncePerNodeClassUnderManyThreads() throws Exception {
    AgentPathNode node = new AgentPathNode();

    String logs =
        inThreads(
            () ->
                AgentHandoff.inject(
                    node,
                    Map.of("secret_key", "hard-coded-v4lue"),
                    AgentProtocol.secrets(Map.of("secret_key", "k3y-v4lue"))));

    assertThat(count(logs, "secret parameter 'secret_key'")).isEqualTo(1);
    assertThat(logs)
        .contains(AgentPathNode.class.getName())
        .doesNotContain("hard-coded-v4lue")
        .doesNotContain("k3y-v4lue");
  }

  private static String inThreads(Runnable call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (StderrCapture capture = new StderrCapture()) {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < THREADS * CALLS_PER_THREAD; i++) {
        calls.add(pool.submit(call));
      }
      for (Future<?> future : calls) {
        future.get(30, TimeUnit.SECONDS);
      }
      return capture.text();
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static int count(String text, String fragment) {
    Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(text);
    int found = 0;
    while (matcher.find()) {
      found++;
    }
    return found;
  }
}
