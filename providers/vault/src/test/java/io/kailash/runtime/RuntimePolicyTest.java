package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.audit.SecretAccessRecord;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.secrets.audit.SecretAccessRecord.Outcome;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.policy.PolicyDefault;
import io.kailash.secrets.vault.VaultSecretProvider;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.testing.RecordingAuditSink;
import io.kailash.workflow.Node;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret policy on the library path: decided before any backend call, against Vault's API. */
class RuntimePolicyTest {

  private static final String DB_PASSWORD = "pw-p0licy-runtime-secret";
  private static final String TEST = RuntimePolicyTest.class.getName();

  @TempDir Path dir;

  private final RecordingAuditSink audit = new RecordingAuditSink();
  private VaultApiDouble vault;

  /** Declares the payments database password. */
  @SecretRequirement(name = "payments/db#password", parameter = "password")
  public static class PaymentsNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("got", DB_PASSWORD.equals(inputs.get("password")));
    }
  }

  /** Inherits the requirement; declares nothing itself. */
  public static class RefundNode extends PaymentsNode {}

  /** Not in the policy, declares the same secret. */
  @SecretRequirement(name = "payments/db#password", parameter = "password")
  public static class CopiedNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      throw new AssertionError("a refused node must not run");
    }
  }

  @BeforeEach
  void startVault() {
    vault = VaultApiDouble.start();
    vault.putKv2("secret", "payments/db", Map.of("password", DB_PASSWORD));
  }

  @AfterEach
  void stopVault() {
    vault.close();
  }

  private LocalRuntime runtime(Path policy, PolicyDefault unmatched) {
    return LocalRuntime.builder()
        .secretProvider(
            VaultSecretProvider.builder().url(vault.url()).token(vault.rootToken()).build())
        .auditSink(audit)
        .policy(policy, unmatched)
        .build();
  }

  private Path policy(String... lines) throws IOException {
    Path file = dir.resolve("kailash-secrets.policy");
    Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    return file;
  }

  private static Workflow workflowOf(Class<? extends Node> nodeClass) {
    return new WorkflowBuilder().addNode(nodeClass, "pay", null).build();
  }

  @Test
  void anAllowedPairIsInjected() throws IOException {
    Path policy = policy("payments/** : " + TEST + "$Payments*");

    ExecutionResult result =
        runtime(policy, PolicyDefault.DENY).execute(workflowOf(PaymentsNode.class));

    assertThat(result.outputs("pay")).containsEntry("got", true);
    assertThat(audit.records())
        .extracting(SecretAccessRecord::outcome)
        .containsExactly(Outcome.RESOLVED);
  }

  @Test
  void aSubclassOfTheDeclaringAllowedClassIsInjected() throws IOException {
    Path policy = policy("payments/** : " + TEST + "$PaymentsNode");

    ExecutionResult result =
        runtime(policy, PolicyDefault.DENY).execute(workflowOf(RefundNode.class));

    assertThat(result.outputs("pay")).containsEntry("got", true);
  }

  @Test
  void aDeniedPairFailsTheRunBeforeAnyVaultRequestAndIsAudited() throws IOException {
    Path policy = policy("payments/** : " + TEST + "$PaymentsNode");
    LocalRuntime runtime = runtime(policy, PolicyDefault.ALLOW);

    assertThatThrownBy(() -> runtime.execute(workflowOf(CopiedNode.class)))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessageContaining("'pay'")
        .hasMessageContaining(CopiedNode.class.getName())
        .hasMessageContaining("'payments/db#password'")
        .hasMessageContaining(policy.toString())
        .hasMessageNotContaining(DB_PASSWORD)
        .cause()
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            denied ->
                assertThat(denied.reason()).isEqualTo(SecretBackendException.Reason.POLICY_DENIED));
    assertThat(vault.requestCount()).isZero();
    assertThat(audit.records())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.outcome()).isEqualTo(Outcome.DENIED_BY_POLICY);
              assertThat(record.nodeClass()).isEqualTo(CopiedNode.class.getName());
              assertThat(record.secretName()).isEqualTo("payments/db#password");
              assertThat(record.provider()).isEqualTo("secret-policy");
              assertThat(record.cache()).isEqualTo(CacheStatus.NONE);
            });
  }

  @Test
  void oneDeniedNodeStopsTheWholeRunSoNoNodeRunsAndNothingIsFetched() throws IOException {
    Path policy = policy("payments/** : " + TEST + "$PaymentsNode");
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(PaymentsNode.class, "allowed", null)
            .addNode(CopiedNode.class, "copied", null)
            .build();

    assertThatThrownBy(() -> runtime(policy, PolicyDefault.ALLOW).execute(workflow))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).isEqualTo("copied"));
    assertThat(vault.requestCount()).isZero();
  }

  @Test
  void aMalformedPolicyIsAConfigurationErrorWhenTheRuntimeIsBuilt() throws IOException {
    Path policy = policy("# ok", "payments/** com.acme.Node");

    assertThatThrownBy(() -> LocalRuntime.builder().policy(policy))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining(policy.toString());
  }

  @Test
  void withoutAPolicyEveryDeclaredSecretIsResolved() {
    LocalRuntime runtime =
        LocalRuntime.builder()
            .secretProvider(
                VaultSecretProvider.builder().url(vault.url()).token(vault.rootToken()).build())
            .auditSink(audit)
            .build();

    assertThat(runtime.execute(workflowOf(PaymentsNode.class)).outputs("pay"))
        .containsEntry("got", true);
    assertThat(audit.records())
        .extracting(SecretAccessRecord::outcome)
        .containsExactly(Outcome.RESOLVED);
  }
}
