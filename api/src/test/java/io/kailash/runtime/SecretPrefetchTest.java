package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.ChainSecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.testing.MapSecretProvider;
import io.kailash.testing.TestNodes;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The secrets of a whole run are fetched with one provider call before the first node runs. */
class SecretPrefetchTest {

  private final MapSecretProvider provider =
      new MapSecretProvider("memory").put("jwt-signing-key", "k").put("api-token", "t");

  private final Workflow threeNodes =
      new WorkflowBuilder()
          .addNode(TestNodes.KeyNode.class, "first", null)
          .addNode(TestNodes.ApiNode.class, "api", null)
          .addNode(TestNodes.SecondKeyNode.class, "second", null)
          .addNode(TestNodes.OptionalNode.class, "optional", null)
          .addNode(TestNodes.PlainNode.class, "plain", null)
          .build();

  @Test
  void twoNodesNeedingTheSameSecretCostOneFetchInOneBatch() {
    new LocalRuntime(provider).execute(threeNodes);

    assertThat(provider.batches())
        .containsExactly(
            List.of(
                SecretRef.current("jwt-signing-key"),
                SecretRef.current("api-token"),
                SecretRef.current("maybe-secret")));
    assertThat(provider.singleCalls()).isZero();
    assertThat(TestNodes.received(TestNodes.SecondKeyNode.class)).containsEntry("secret_key", "k");
  }

  @Test
  void aWorkflowWithoutSecretsNeverCallsTheProvider() {
    Workflow workflow =
        new WorkflowBuilder().addNode(TestNodes.PlainNode.class, "plain", null).build();

    new LocalRuntime(provider).execute(workflow);

    assertThat(provider.batches()).isEmpty();
    assertThat(provider.singleCalls()).isZero();
  }

  @Test
  void eachRunFetchesAgainBecauseTheRuntimeKeepsNoSecrets() {
    LocalRuntime runtime = new LocalRuntime(provider);

    runtime.execute(threeNodes);
    runtime.execute(threeNodes);

    assertThat(provider.batches()).hasSize(2);
  }

  @Test
  void aChainSendsEachMemberOneBatchOfTheSecretsStillMissing() {
    MapSecretProvider vault = new MapSecretProvider("vault").put("api-token", "from-vault");
    MapSecretProvider env =
        new MapSecretProvider("env").put("jwt-signing-key", "k").put("api-token", "from-env");

    new LocalRuntime(new ChainSecretProvider(List.of(vault, env))).execute(threeNodes);

    assertThat(vault.batches())
        .containsExactly(
            List.of(
                SecretRef.current("jwt-signing-key"),
                SecretRef.current("api-token"),
                SecretRef.current("maybe-secret")));
    assertThat(env.batches())
        .containsExactly(
            List.of(SecretRef.current("jwt-signing-key"), SecretRef.current("maybe-secret")));
    assertThat(TestNodes.received(TestNodes.ApiNode.class))
        .isEqualTo(Map.of("api_token", "from-vault"));
  }
}
