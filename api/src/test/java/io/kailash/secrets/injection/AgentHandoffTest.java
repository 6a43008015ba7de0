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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentHandoffTest {

  @SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
  @SecretRequirement(name = "api-token", parameter = "api_token", optional = true, version = "3")
  static class SecretNode {}

  @SecretRequirement(name = "db-password", parameter = "db")
  static class SubSecretNode extends SecretNode {}

  static class NoSecrets {}

  @SecretRequirement(name = "one", parameter = "key")
  @SecretRequirement(name = "two", parameter = "key")
  static class ContradictoryNode {}

  private final SecretNode node = new SecretNode();

  @Test
  void theProtocolConstantIsTheAnswersOne() {
    assertThat(AgentHandoff.PROTOCOL).isEqualTo(AgentProtocol.PROTOCOL);
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
  void needsSecretsUnlessNoneAreDeclaredOrTheyWereInjectedForExactlyThisClass() {
    assertThat(AgentHandoff.needsSecrets(node, Map.of())).isTrue();
    assertThat(AgentHandoff.needsSecrets(node, null)).isTrue();
    assertThat(AgentHandoff.needsSecrets(new NoSecrets(), Map.of())).isFalse();

    InjectedParameters forThisClass = new InjectedParameters(Map.of(), Map.of(), SecretNode.class);
    InjectedParameters forSubclass =
        new InjectedParameters(Map.of(), Map.of(), SubSecretNode.class);
    assertThat(AgentHandoff.needsSecrets(node, forThisClass)).isFalse();
    // A base-class instance run with a subclass's parameters resolves its own secrets.
    assertThat(AgentHandoff.needsSecrets(node, forSubclass)).isTrue();
  }

  @Test
  void aBaseClassNodeRunWithASubclassesParametersGetsOnlyItsOwnSecrets() {
    Map<String, Object> subclassParameters =
        AgentHandoff.inject(
            new SubSecretNode(),
            Map.of("plain", "p"),
            AgentProtocol.secrets(Map.of("secret_key", "sub-key", "db", "sub-db")));

    Map<String, Object> base =
        AgentHandoff.inject(
            node, subclassParameters, AgentProtocol.secrets(Map.of("secret_key", "base-key")));

    assertThat(base)
        .containsEntry("secret_key", "base-key")
        .containsEntry("plain", "p")
        .doesNotContainKey("db");
  }

  @Test
  void aSecretsAnswerIsInjectedWithoutTouchingTheCallersMap() {
    Map<String, Object> caller =
        new HashMap<>(
            Map.of(
                "auth", SecretTemplate.of("Bearer {secret_key}"),
                "secret_key", "old",
                "upstream", "my token is {secret_key}"));

    String logs;
    Map<String, Object> result;
    try (StderrCapture capture = new StderrCapture()) {
      result =
          AgentHandoff.inject(node, caller, AgentProtocol.secrets(Map.of("secret_key", "s3cr3t")));
      logs = capture.text();
    }

    assertThat(result)
        .containsEntry("secret_key", "s3cr3t")
        .containsEntry("auth", "Bearer s3cr3t")
        .containsEntry("upstream", "my token is {secret_key}");
    assertThat(((InjectedParameters) result).isResolvedFor(SecretNode.class)).isTrue();
    assertThat(caller).containsEntry("secret_key", "old");
    assertThat(logs)
        .contains("secret parameter 'secret_key'")
        .doesNotContain("s3cr3t")
        .doesNotContain("old");
  }

  @Test
  void aProceedAnswerLeavesTheParametersAsTheyWere() {
    Map<String, Object> caller = Map.of("a", 1);

    assertThat(AgentHandoff.inject(node, caller, AgentProtocol.proceed())).isSameAs(caller);
    assertThat(AgentHandoff.inject(node, null, AgentProtocol.secrets(Map.of("secret_key", "v"))))
        .containsEntry("secret_key", "v");
  }

  @Test
  void aNotFoundAnswerThrowsTheApplicationsOwnException() {
    Object answer =
        AgentProtocol.notFound(
            new SecretNotFoundException(
                List.of(new SecretRef("api-token", "3"), SecretRef.current("other")),
                List.of("vault", "env"),
                "version 3 destroyed"));

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
    Object answer =
        AgentProtocol.backend(
            "vault", "api-token", SecretBackendException.Reason.ACCESS_DENIED, "permission denied");

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
  void noAnswerOrAnAnswerOfAnotherProtocolFailsClosed() {
    Map<String, Object> otherProtocol = new HashMap<>(AgentProtocol.secrets(Map.of("k", "v")));
    otherProtocol.put("protocol", "kailash-secrets-protocol-1");
    for (Object answer : new Object[] {null, 42, new String[] {"backend"}, otherProtocol}) {
      assertThatThrownBy(() -> AgentHandoff.inject(node, Map.of(), answer))
          .isInstanceOfSatisfying(
              SecretBackendException.class,
              e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INTERNAL))
          .hasMessageContaining("same release");
    }
  }

  @Test
  void withoutTheAgentNodeCreationIsNotChecked() {
    AgentHandoff.nodeCreated(node); // underAgent() is false until the agent weaves it
    assertThat(AgentHandoff.underAgent()).isFalse();
  }
}
