package io.kailash.secrets.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.SecretTemplate;
import io.kailash.testing.StderrCapture;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentHandoffTest {

  @SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
  @SecretRequirement(name = "api-token", parameter = "api_token", optional = true, version = "3")
  static class SecretNode {}

  static class SubSecretNode extends SecretNode {}

  static class NoSecrets {}

  @SecretRequirement(name = "one", parameter = "key")
  @SecretRequirement(name = "two", parameter = "key")
  static class ContradictoryNode {}

  private final SecretNode node = new SecretNode();

  @Test
  void requirementsAreFlattenedFourStringsEach() {
    assertThat(AgentHandoff.requirements(node))
        .containsExactly(
            "jwt-signing-key", "secret_key", "false", "", "api-token", "api_token", "true", "3");
    assertThat(AgentHandoff.requirements(new NoSecrets())).isEmpty();
  }

  @Test
  void contradictoryDeclarationsReachTheApplicationAsAnInvalidRequest() {
    assertThatThrownBy(() -> AgentHandoff.needsSecrets(new ContradictoryNode(), Map.of()))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INVALID_REQUEST);
              assertThat(e.getMessage())
                  .contains(ContradictoryNode.class.getName())
                  .contains("'key'");
            });
  }

  @Test
  void needsSecretsUnlessNoneAreDeclaredOrTheyWereAlreadyInjectedForThisClass() {
    assertThat(AgentHandoff.needsSecrets(node, Map.of())).isTrue();
    assertThat(AgentHandoff.needsSecrets(node, null)).isTrue();
    assertThat(AgentHandoff.needsSecrets(new NoSecrets(), Map.of())).isFalse();

    InjectedParameters forSubclass =
        new InjectedParameters(Map.of(), Map.of(), SubSecretNode.class);
    InjectedParameters forOtherClass = new InjectedParameters(Map.of(), Map.of(), NoSecrets.class);
    assertThat(AgentHandoff.needsSecrets(node, forSubclass)).isFalse();
    assertThat(AgentHandoff.needsSecrets(node, forOtherClass)).isTrue();
  }

  @Test
  void aMapAnswerIsInjectedWithoutTouchingTheCallersMap() {
    Map<String, Object> caller =
        new HashMap<>(
            Map.of(
                "auth", SecretTemplate.of("Bearer {secret_key}"),
                "secret_key", "old",
                "upstream", "my token is {secret_key}"));

    String logs;
    Map<String, Object> result;
    try (StderrCapture capture = new StderrCapture()) {
      result = AgentHandoff.inject(node, caller, Map.of("secret_key", "s3cr3t-value"));
      logs = capture.text();
    }

    assertThat(result)
        .containsEntry("secret_key", "s3cr3t-value")
        .containsEntry("auth", "Bearer s3cr3t-value")
        .containsEntry("upstream", "my token is {secret_key}");
    assertThat(((InjectedParameters) result).isResolvedFor(SecretNode.class)).isTrue();
    assertThat(caller).containsEntry("secret_key", "old");
    assertThat(logs)
        .contains("secret parameter 'secret_key'")
        .doesNotContain("s3cr3t-value")
        .doesNotContain("old");
  }

  @Test
  void aNullAnswerLeavesTheParametersAsTheyWere() {
    Map<String, Object> caller = Map.of("a", 1);

    assertThat(AgentHandoff.inject(node, caller, null)).isSameAs(caller);
    assertThat(AgentHandoff.inject(node, null, Map.of("secret_key", "v")))
        .containsEntry("secret_key", "v");
  }

  @Test
  void aNotFoundAnswerThrowsTheApplicationsOwnException() {
    String[] answer = {
      "not-found", "version 3 destroyed", "vault,env", "api-token", "3", "other", ""
    };

    assertThatThrownBy(() -> AgentHandoff.inject(node, Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.missing())
                  .containsExactly(new SecretRef("api-token", "3"), SecretRef.current("other"));
              assertThat(e.providersTried()).containsExactly("vault", "env");
              assertThat(e.detail()).isEqualTo("version 3 destroyed");
            });
  }

  @Test
  void aBackendAnswerThrowsABackendExceptionWithItsReason() {
    String[] answer = {"backend", "vault", "api-token", "ACCESS_DENIED", "permission denied"};

    assertThatThrownBy(() -> AgentHandoff.inject(node, Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.provider()).isEqualTo("vault");
              assertThat(e.secretName()).isEqualTo("api-token");
              assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.ACCESS_DENIED);
            })
        .hasMessageContaining("permission denied");
  }

  @Test
  void aBackendAnswerWithoutSecretOrWithAnUnknownReasonIsStillReadable() {
    String[] answer = {"backend", "vault", "", "SOMETHING_NEW", "odd"};

    assertThatThrownBy(() -> AgentHandoff.inject(node, Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.secretName()).isNull();
              assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INTERNAL);
            });
  }

  @Test
  void anUnreadableAnswerIsReportedAsAVersionMismatch() {
    assertThatThrownBy(() -> AgentHandoff.inject(node, Map.of(), 42))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INTERNAL))
        .hasMessageContaining("same version");
    assertThatThrownBy(() -> AgentHandoff.inject(node, Map.of(), new String[] {"backend"}))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("same version");
  }
}
