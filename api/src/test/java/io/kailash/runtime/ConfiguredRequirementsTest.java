package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.testing.MapSecretProvider;
import io.kailash.testing.TestNodes;
import io.kailash.workflow.Node;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalRuntime with requirements declared by class name for a node class nobody can annotate. */
class ConfiguredRequirementsTest {

  private static final AtomicReference<Map<String, Object>> RECEIVED = new AtomicReference<>();

  /** A third-party node: no annotation, and it reads its secret from its parameters. */
  public static class ThirdPartyNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      RECEIVED.set(Map.copyOf(inputs));
      return Map.of("signed", inputs.containsKey("secret_key"));
    }
  }

  /** The application's subclass of it, which inherits its configured requirements. */
  public static class OurSubclass extends ThirdPartyNode {}

  private final MapSecretProvider provider =
      new MapSecretProvider("memory").put("jwt-signing-key", "k3y-0123456789");

  @BeforeEach
  void reset() {
    RECEIVED.set(null);
    TestNodes.reset();
  }

  private LocalRuntime runtime(String declarations) {
    return LocalRuntime.builder()
        .secretProvider(provider)
        .auditLogging(false)
        .requirements(ThirdPartyNode.class.getName(), declarations)
        .build();
  }

  private static Workflow workflowOf(Class<? extends Node> type) {
    return new WorkflowBuilder().addNode(type, "third", Map.of("url", "u")).build();
  }

  @Test
  void aConfiguredThirdPartyNodeAndItsSubclassesGetTheirSecrets() {
    LocalRuntime runtime =
        runtime("jwt-signing-key -> secret_key, api-token -> api_token (optional)");

    runtime.execute(workflowOf(ThirdPartyNode.class));
    assertThat(RECEIVED.get()).isEqualTo(Map.of("url", "u", "secret_key", "k3y-0123456789"));

    RECEIVED.set(null);
    runtime.execute(workflowOf(OurSubclass.class));
    assertThat(RECEIVED.get()).containsEntry("secret_key", "k3y-0123456789");
  }

  @Test
  void aMissingRequiredConfiguredSecretStopsTheNodeBeforeItsBody() {
    LocalRuntime runtime = runtime("jwt-signing-key -> secret_key, api-token -> api_token");

    assertThatThrownBy(() -> runtime.execute(workflowOf(ThirdPartyNode.class)))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessageContaining("node not run")
        .hasCauseInstanceOf(SecretNotFoundException.class);
    assertThat(RECEIVED.get()).as("the body never ran").isNull();
  }

  @Test
  void theTypedFormIsTheSame() {
    LocalRuntime runtime =
        LocalRuntime.builder()
            .secretProvider(provider)
            .auditLogging(false)
            .requirements(
                ThirdPartyNode.class.getName(),
                List.of(SecretRequest.required("jwt-signing-key", "secret_key")))
            .build();

    runtime.execute(workflowOf(OurSubclass.class));

    assertThat(RECEIVED.get()).containsEntry("secret_key", "k3y-0123456789");
  }

  @Test
  void badDeclarationsAreRefusedWhenTheRuntimeIsBuilt() {
    assertThatThrownBy(() -> runtime("jwt-signing-key secret_key"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageStartingWith(
            "Invalid secret requirements in LocalRuntime.builder().requirements(\""
                + ThirdPartyNode.class.getName()
                + "\", ...): the entry 'jwt-signing-key secret_key' is invalid");
    assertThatThrownBy(() -> LocalRuntime.builder().requirements("com.acme.", "a -> b"))
        .hasMessageContaining("is not a binary class name");
    assertThatThrownBy(
            () ->
                LocalRuntime.builder()
                    .requirements("com.acme.Node", "a -> b")
                    .requirements("com.acme.Node", "c -> d"))
        .hasMessageContaining("declared twice");
  }

  @Test
  void aParameterBothConfiguredAndAnnotatedFailsTheRunNamingBoth() {
    LocalRuntime runtime =
        LocalRuntime.builder()
            .secretProvider(provider)
            .auditLogging(false)
            .requirements(TestNodes.KeyNode.class.getName(), "other -> secret_key")
            .build();

    assertThatThrownBy(() -> runtime.execute(workflowOf(TestNodes.KeyNode.class)))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessageContaining("declare the parameter 'secret_key'")
        .hasMessageContaining("@SecretRequirement on " + TestNodes.KeyNode.class.getName());
    assertThat(TestNodes.received(TestNodes.KeyNode.class)).isNull();
  }

  @Test
  void requirementsWithoutAProviderAreRefusedBecauseNobodyWouldHonourThem() {
    assertThatThrownBy(() -> LocalRuntime.builder().requirements("com.acme.Node", "a -> b").build())
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("needs a secretProvider(...)");
  }

  @Test
  void aConfiguredSuperclassCountsForThePolicyLikeAnAnnotatedOne(@TempDir Path dir)
      throws IOException {
    Path policy =
        Files.writeString(
            dir.resolve("p.policy"), "jwt-signing-key : " + ThirdPartyNode.class.getName() + "\n");
    LocalRuntime runtime =
        LocalRuntime.builder()
            .secretProvider(provider)
            .auditLogging(false)
            .policy(policy)
            .requirements(ThirdPartyNode.class.getName(), "jwt-signing-key -> secret_key")
            .build();

    runtime.execute(workflowOf(OurSubclass.class));
    assertThat(RECEIVED.get()).containsEntry("secret_key", "k3y-0123456789");

    LocalRuntime subclassOnly =
        LocalRuntime.builder()
            .secretProvider(provider)
            .auditLogging(false)
            .policy(policy)
            .requirements(OurSubclass.class.getName(), "jwt-signing-key -> secret_key")
            .build();
    RECEIVED.set(null);
    assertThatThrownBy(() -> subclassOnly.execute(workflowOf(OurSubclass.class)))
        .hasCauseInstanceOf(SecretBackendException.class)
        .hasMessageContaining("does not allow node class " + OurSubclass.class.getName());
    assertThat(RECEIVED.get()).isNull();
  }
}
