package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.injection.InjectedParameters;
import io.kailash.testing.MapSecretProvider;
import io.kailash.testing.StderrCapture;
import io.kailash.testing.TestNodes;
import io.kailash.testing.TestNodes.ApiNode;
import io.kailash.testing.TestNodes.DerivedSecretNode;
import io.kailash.testing.TestNodes.KeyNode;
import io.kailash.testing.TestNodes.OptionalNode;
import io.kailash.testing.TestNodes.PlainNode;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The injection rules of LocalRuntime, each driven through a real workflow run. */
class SecretInjectionTest {

  private static final String KEY = "k3y-value-0123456789";
  private static final String TOKEN = "t0ken-value-9876543210";

  private final MapSecretProvider provider =
      new MapSecretProvider("memory").put("jwt-signing-key", KEY).put("api-token", TOKEN);
  private final LocalRuntime runtime =
      LocalRuntime.builder().secretProvider(provider).auditLogging(false).build();

  @BeforeEach
  void reset() {
    TestNodes.reset();
  }

  @Test
  void aNodeGetsItsDeclaredSecretEvenWhenTheRunHasNoParameters() {
    Workflow workflow = new WorkflowBuilder().addNode(KeyNode.class, "key", null).build();

    runtime.execute(workflow);

    assertThat(TestNodes.received(KeyNode.class)).containsExactly(Map.entry("secret_key", KEY));
  }

  @Test
  void aSecretGoesOnlyToTheNodeThatDeclaredIt() {
    Map<String, Object> lookalikes = Map.of("key", "k", "secret", "s", "token", "t");
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(PlainNode.class, "plain", lookalikes)
            .addNode(KeyNode.class, "key", lookalikes)
            .addNode(ApiNode.class, "api", Map.of())
            .build();

    runtime.execute(workflow);

    assertThat(TestNodes.received(PlainNode.class)).isEqualTo(lookalikes);
    assertThat(TestNodes.received(PlainNode.class)).isNotInstanceOf(InjectedParameters.class);
    assertThat(TestNodes.received(KeyNode.class))
        .containsOnlyKeys("key", "secret", "token", "secret_key")
        .doesNotContainValue(TOKEN);
    assertThat(TestNodes.received(ApiNode.class)).containsExactly(Map.entry("api_token", TOKEN));
  }

  @Test
  void requirementsDeclaredOnASuperclassApplyToTheSubclass() {
    provider.put("base-secret", "b-value").put("own-secret", "o-value");
    Workflow workflow = new WorkflowBuilder().addNode(DerivedSecretNode.class, "d", null).build();

    runtime.execute(workflow);

    assertThat(TestNodes.received(DerivedSecretNode.class))
        .isEqualTo(Map.of("base", "b-value", "own", "o-value"));
  }

  @Test
  void aMissingRequiredSecretStopsThatNodeButEarlierNodesRun() {
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(PlainNode.class, "first", null)
            .addNode(DerivedSecretNode.class, "needs", null)
            .build();

    assertThatThrownBy(() -> runtime.execute(workflow))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).isEqualTo("needs"))
        .hasMessageContaining("failed at node 'needs': node not run")
        .hasMessageContaining("'base-secret', 'own-secret'")
        .cause()
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.secretName()).isEqualTo("base-secret");
              assertThat(e.providersTried()).containsExactly("memory");
            });
    assertThat(TestNodes.received(PlainNode.class)).isNotNull();
    assertThat(TestNodes.received(DerivedSecretNode.class)).isNull();
  }

  @Test
  void aMissingOptionalSecretLeavesTheParameterAbsent() {
    Workflow workflow =
        new WorkflowBuilder().addNode(OptionalNode.class, "opt", Map.of("other", 1)).build();

    runtime.execute(workflow);

    assertThat(TestNodes.received(OptionalNode.class)).containsExactly(Map.entry("other", 1));
  }

  @Test
  void aPresentOptionalSecretIsInjected() {
    provider.put("maybe-secret", "here");
    Workflow workflow = new WorkflowBuilder().addNode(OptionalNode.class, "opt", null).build();

    runtime.execute(workflow);

    assertThat(TestNodes.received(OptionalNode.class)).containsEntry("maybe", "here");
  }

  @Test
  void aBrokenBackendFailsTheRunEvenForAnOptionalSecretBeforeAnyNodeRuns() {
    provider.failing("maybe-secret", SecretBackendException.Reason.ACCESS_DENIED);
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(PlainNode.class, "first", null)
            .addNode(OptionalNode.class, "opt", null)
            .build();

    assertThatThrownBy(() -> runtime.execute(workflow))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).isEqualTo("opt"))
        .hasMessageContaining("the secret provider failed before any node ran")
        .hasMessageContaining("reading secret 'maybe-secret' [ACCESS_DENIED]")
        .cause()
        .isInstanceOf(SecretBackendException.class);
    assertThat(TestNodes.received(PlainNode.class)).isNull();
  }

  @Test
  void aHardCodedSecretParameterIsOverriddenWithAWarningThatShowsNoValue() {
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(KeyNode.class, "signer", Map.of("secret_key", "hard-coded-in-workflow"))
            .build();

    String logs;
    try (StderrCapture capture = new StderrCapture()) {
      runtime.execute(workflow);
      logs = capture.text();
    }

    assertThat(TestNodes.received(KeyNode.class)).containsEntry("secret_key", KEY);
    assertThat(logs)
        .contains("WARN")
        .contains("Node 'signer'")
        .contains("secret parameter 'secret_key'")
        .doesNotContain("hard-coded-in-workflow")
        .doesNotContain(KEY);
    assertThat(workflow.node("signer").parameters())
        .containsEntry("secret_key", "hard-coded-in-workflow");
  }

  @Test
  void placeholdersInNestedMapsAndListsAreFilledWithoutTouchingTheCallersMaps() {
    Map<String, Object> headers = new HashMap<>(Map.of("Authorization", "Bearer {api_token}"));
    List<Object> args =
        new ArrayList<>(List.of("--token={api_token}", Map.of("deep", "{api_token}")));
    Map<String, Object> params = new HashMap<>(Map.of("headers", headers, "args", args));
    Workflow workflow = new WorkflowBuilder().addNode(ApiNode.class, "api", params).build();

    runtime.execute(workflow);

    Map<String, Object> received = TestNodes.received(ApiNode.class);
    assertThat(received.get("headers")).isEqualTo(Map.of("Authorization", "Bearer " + TOKEN));
    assertThat(received.get("args")).isEqualTo(List.of("--token=" + TOKEN, Map.of("deep", TOKEN)));
    assertThat(headers).containsEntry("Authorization", "Bearer {api_token}");
    assertThat(args).containsExactly("--token={api_token}", Map.of("deep", "{api_token}"));
    assertThat(params).containsOnlyKeys("headers", "args");
    assertThat(received.toString()).doesNotContain(TOKEN).contains("****");
  }

  @Test
  void undeclaredPlaceholdersStayAsWrittenAndAreLoggedByNameOnly() {
    Map<String, Object> params = Map.of("url", "https://x/{region}?key={secret_key}");
    Workflow workflow = new WorkflowBuilder().addNode(ApiNode.class, "api", params).build();

    String logs;
    try (StderrCapture capture = new StderrCapture()) {
      runtime.execute(workflow);
      logs = capture.text();
    }

    assertThat(TestNodes.received(ApiNode.class))
        .containsEntry("url", "https://x/{region}?key={secret_key}");
    assertThat(logs)
        .contains("Node 'api'")
        .contains("[region, secret_key]")
        .doesNotContain(TOKEN)
        .doesNotContain(KEY);
  }

  @Test
  void aPlaceholderForAnotherNodesSecretIsNotFilled() {
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(PlainNode.class, "plain", Map.of("h", "Bearer {api_token}"))
            .addNode(ApiNode.class, "api", Map.of())
            .build();

    runtime.execute(workflow);

    assertThat(TestNodes.received(PlainNode.class)).containsEntry("h", "Bearer {api_token}");
  }

  @Test
  void theNodeGetsAnInjectedViewResolvedForItsClassThatMasksItsSecrets() {
    Workflow workflow =
        new WorkflowBuilder().addNode(KeyNode.class, "key", Map.of("subject", "alice")).build();

    runtime.execute(workflow);

    Map<String, Object> received = TestNodes.received(KeyNode.class);
    assertThat(received).isInstanceOf(InjectedParameters.class);
    assertThat(((InjectedParameters) received).isResolvedFor(KeyNode.class)).isTrue();
    assertThat(received.toString()).isEqualTo("{subject=alice, secret_key=****}");
  }

  @Test
  void withoutAProviderTheRuntimeInjectsNothingAndLeavesItToTheAgent() {
    Workflow workflow =
        new WorkflowBuilder().addNode(KeyNode.class, "key", Map.of("subject", "alice")).build();

    new LocalRuntime().execute(workflow);

    assertThat(TestNodes.received(KeyNode.class))
        .isNotInstanceOf(InjectedParameters.class)
        .isEqualTo(Map.of("subject", "alice"));
  }
}
