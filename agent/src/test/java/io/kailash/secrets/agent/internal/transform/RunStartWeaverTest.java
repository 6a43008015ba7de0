package io.kailash.secrets.agent.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.agent.bridge.SecretsBridge;
import io.kailash.secrets.agent.bridge.TestBridge;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run-start hook, woven, hands the run's secrets to the agent through the bridge. */
class RunStartWeaverTest {

  private final List<String[]> prefetched = new ArrayList<>();

  @BeforeEach
  void installBridge() {
    TestBridge.use(node -> null, fault -> null);
    TestBridge.prefetchTo(prefetched::add);
  }

  @Test
  void theWovenHookCallsTheBridgeWithTheRunsSecrets() throws Exception {
    byte[] woven = new RunStartWeaver().weave(ClassBytes.of(RunStartHookSample.class));
    Class<?> hook = MethodHandles.lookup().defineHiddenClass(woven, true).lookupClass();
    String[] refs = {"api-token", "", "db-password", "3"};

    hook.getMethod("beforeRun", String[].class).invoke(null, (Object) refs);

    assertThat(prefetched).containsExactly(refs);
  }

  @Test
  void theUnwovenHookDoesNothing() {
    RunStartHookSample.beforeRun(new String[] {"api-token", ""});

    assertThat(prefetched).isEmpty();
  }

  @Test
  void theTransformerWeavesOnlyTheApplicationsAgentHandoff() throws Exception {
    TransformStats stats = new TransformStats();
    SecretsTransformer transformer =
        new SecretsTransformer("io.kailash.workflow.Node", "run", SecretsBridge.class, stats);
    ClassLoader application = new TransformingLoader(transformer);
    byte[] handoff = ClassBytes.of(io.kailash.secrets.injection.AgentHandoff.class);

    byte[] woven =
        transformer.transform(
            application, "io/kailash/secrets/injection/AgentHandoff", null, null, handoff);

    assertThat(woven).isNotNull().isNotEqualTo(handoff);
    assertThat(stats.runStartHooks()).isEqualTo(1);
    assertThat(stats.transformed()).isZero();
    assertThat(stats.errors()).isZero();
  }
}
