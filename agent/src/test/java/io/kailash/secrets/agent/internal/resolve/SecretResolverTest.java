package io.kailash.secrets.agent.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.agent.bridge.SecretsBridge;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.injection.AgentHandoff;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent side of the hand-off: answers built here must come out of AgentHandoff as the
 * application's own results and exceptions.
 */
class SecretResolverTest {

  private static final String VALUE = "s3cr3t-value";

  private final MemoryProvider provider = new MemoryProvider(Map.of("api-token", VALUE));
  private final TransformStats stats = new TransformStats();

  private final SecretResolver resolver =
      new SecretResolver(provider, ResolutionAudit.off(), stats);

  private static final String[] TOKEN_AND_OPTIONAL = {
    "api-token", "api_token", "false", "", "absent-one", "extra", "true", ""
  };

  @Test
  void answersParameterToValueAndSkipsAbsentOptionalSecrets() {
    Object answer = resolver.apply(new Object(), TOKEN_AND_OPTIONAL);

    assertThat(answer).isEqualTo(Map.of("api_token", VALUE));
  }

  @Test
  void missingRequiredSecretBecomesTheApplicationsNotFoundException() {
    provider.store.clear();
    Object answer = resolver.apply(new Object(), TOKEN_AND_OPTIONAL);

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
    provider.failure = SecretBackendException.Reason.TIMEOUT;
    Object answer = resolver.apply(new Object(), TOKEN_AND_OPTIONAL);

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
  void bridgeFailsClosedOrProceedsOnInternalFaults() {
    SecretsBridge.install(
        (node, requirements) -> {
          throw new IllegalStateException("bug");
        },
        new InternalFaults(false, stats));
    Object failClosed = SecretsBridge.resolve(new Object(), TOKEN_AND_OPTIONAL);
    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), failClosed))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INTERNAL));

    SecretsBridge.install(
        (node, requirements) -> {
          throw new IllegalStateException("bug");
        },
        new InternalFaults(true, stats));
    assertThat(SecretsBridge.resolve(new Object(), TOKEN_AND_OPTIONAL)).isNull();

    SecretsBridge.install(
        (node, requirements) -> {
          throw new IllegalStateException("bug");
        },
        fault -> {
          throw new IllegalStateException("even the handler fails");
        });
    assertThat(SecretsBridge.resolve(new Object(), TOKEN_AND_OPTIONAL))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.array(String[].class))
        .contains("INTERNAL");
    assertThat(stats.toString()).contains("internal-faults=2");
  }

  @Test
  void malformedRequirementsAreAnInternalFault() {
    assertThatThrownBy(() -> resolver.apply(new Object(), new String[] {"a", "b"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groups of 4");
  }
}
