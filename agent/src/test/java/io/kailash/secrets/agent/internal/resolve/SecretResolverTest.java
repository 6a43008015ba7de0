package io.kailash.secrets.agent.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.agent.internal.transform.DeclaredSecret;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.secrets.internal.ConfiguredRequirements;
import io.kailash.testing.MapSecretProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent side of the hand-off: answers built here must come out of AgentHandoff as the
 * application's own results and exceptions.
 */
class SecretResolverTest {

  private static final String VALUE = "s3cr3t-value";

  private final MapSecretProvider provider =
      new MapSecretProvider("memory").readsOneByOne().putAll(Map.of("api-token", VALUE));
  private final TransformStats stats = new TransformStats();

  private final SecretResolver resolver =
      new SecretResolver(provider, ResolutionAudit.off(), stats);

  @SecretRequirement(name = "api-token", parameter = "api_token")
  @SecretRequirement(name = "absent-one", parameter = "extra", optional = true)
  static class TokenAndOptional {}

  @SecretRequirement(name = " ", parameter = "p")
  static class BlankName {}

  @Test
  void answersParameterToValueAndSkipsAbsentOptionalSecrets() {
    Object answer = resolver.resolve(TokenAndOptional.class);

    assertThat(answer).isEqualTo(AgentProtocol.secrets(Map.of("api_token", VALUE)));
  }

  @Test
  void missingRequiredSecretBecomesTheApplicationsNotFoundException() {
    provider.clear();
    Object answer = resolver.resolve(TokenAndOptional.class);

    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.missing()).containsExactly(SecretRef.current("api-token"));
              assertThat(e.providersTried()).containsExactly("memory");
            });
  }

  @Test
  void backendFailureBecomesTheApplicationsBackendException() {
    provider.failWith(SecretBackendException.Reason.TIMEOUT, "the backend did not answer");
    Object answer = resolver.resolve(TokenAndOptional.class);

    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.TIMEOUT);
              // Framed once, as the agent's own exception was: not "Provider ...: Provider ...".
              assertThat(e)
                  .hasMessage(
                      "Provider memory failed reading secret 'api-token' [TIMEOUT]: the backend"
                          + " did not answer");
              assertThat(e.provider()).isEqualTo("memory");
              assertThat(e.secretName()).isEqualTo("api-token");
            });
  }

  @Test
  void internalFaultsFailClosedOrProceed() {
    Object failClosed = new InternalFaults(false, stats).apply(new IllegalStateException("bug"));
    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), failClosed))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INTERNAL));

    Object proceed = new InternalFaults(true, stats).apply(new IllegalStateException("bug"));
    Map<String, Object> caller = Map.of("a", 1);
    assertThat(AgentHandoff.inject(new Object(), caller, proceed)).isSameAs(caller);
    assertThat(stats.toString()).contains("internal-faults=2");
  }

  @Test
  void invalidDeclarationsAreAnsweredAsAnInvalidRequestNamingTheClass() {
    Object answer = resolver.resolve(BlankName.class);

    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INVALID_REQUEST))
        .hasMessageContaining(BlankName.class.getName());
  }

  static class DeclaresNothing {}

  @Test
  void readsEachClassFromItsClassFileWhenTheTransformerReadItAndSaysWhetherItDeclaresSecrets() {
    // The class-file reading says TokenAndOptional declares only "from-class-file"; nothing was
    // read for BlankName (null), so its annotations are read by reflection.
    SecretResolver fromClassFiles =
        new SecretResolver(
            provider,
            ResolutionAudit.off(),
            stats,
            false,
            PolicyGate.none(),
            type ->
                type == TokenAndOptional.class
                    ? List.of(new DeclaredSecret("api-token", "from_class_file", false, ""))
                    : type == DeclaresNothing.class ? List.of() : null,
            ConfiguredRequirements.none());

    assertThat(fromClassFiles.resolve(TokenAndOptional.class))
        .isEqualTo(AgentProtocol.secrets(Map.of("from_class_file", VALUE)));
    assertThat(fromClassFiles.declares(TokenAndOptional.class)).isEqualTo(1);
    assertThat(fromClassFiles.declares(DeclaresNothing.class)).isZero();
    // Invalid declarations count as declared: the resolution reports them.
    assertThat(fromClassFiles.declares(BlankName.class)).isEqualTo(1);
    assertThat(fromClassFiles.resolve(BlankName.class))
        .containsEntry("outcome", "backend")
        .containsEntry("reason", "INVALID_REQUEST");
  }
}
