package io.kailash.secrets.agent.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kailash.secrets.ChainSecretProvider;
import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.audit.SecretAccessRecord;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.secrets.resilience.ResilientSecretProvider;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the application sees through the agent: each message framed once ("Provider memory failed
 * ..." not twice) on every path (backend, chain, resilience, cache), a missing env secret naming
 * its variable, and audit records naming the provider that answered.
 */
class AgentMessagesTest {

  @SecretRequirement(name = "api-token", parameter = "api_token")
  static class TokenNode {}

  private static Throwable throughTheAgent(SecretProvider provider) {
    SecretResolver resolver =
        new SecretResolver(provider, ResolutionAudit.off(), new TransformStats());
    Object answer = resolver.resolve(TokenNode.class);
    return catchThrowable(() -> AgentHandoff.inject(new TokenNode(), Map.of(), answer));
  }

  private static MapSecretProvider failing() {
    MapSecretProvider memory = new MapSecretProvider("memory").readsOneByOne();
    memory.failWith(SecretBackendException.Reason.UNAVAILABLE, "the backend did not answer");
    return memory;
  }

  private static void framedOnce(Throwable thrown) {
    assertThat(thrown).isInstanceOf(SecretBackendException.class);
    Matcher framing = Pattern.compile("Provider \\S+ failed").matcher(thrown.getMessage());
    int count = 0;
    while (framing.find()) {
      count++;
    }
    assertThat(count).as(thrown.getMessage()).isEqualTo(1);
    assertThat(thrown.getMessage()).contains("the backend did not answer");
  }

  @Test
  void aBackendFailureIsFramedOnce() {
    framedOnce(throughTheAgent(failing()));
  }

  @Test
  void aChainsFailureIsFramedOnce() {
    framedOnce(
        throughTheAgent(
            new ChainSecretProvider(
                List.of(failing(), new MapSecretProvider("memory").readsOneByOne()))));
  }

  @Test
  void aCachesFailureIsFramedOnce() {
    framedOnce(throughTheAgent(CachingSecretProvider.builder(failing()).build()));
  }

  @Test
  void retriesExhaustedAndAnOpenCircuitAreFramedOnce() {
    ResilientSecretProvider resilient =
        ResilientSecretProvider.builder(failing())
            .maxAttempts(2)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(1))
            .failureThreshold(1)
            .build();

    framedOnce(throughTheAgent(resilient)); // retries exhausted: the last failure
    Throwable open = throughTheAgent(resilient); // the circuit is open now
    assertThat(open).isInstanceOf(SecretBackendException.class);
    assertThat(open.getMessage()).containsOnlyOnce("failed").contains("circuit open");
  }

  @Test
  void aMissingEnvironmentSecretNamesTheVariableToSet() {
    Throwable thrown =
        throughTheAgent(new EnvironmentSecretProvider("KAILASH_SECRET_", Map.of("PATH", "/bin")));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.detail())
                  .isEqualTo("env: environment variable KAILASH_SECRET_API_TOKEN is not set");
              assertThat(e.getMessage()).containsOnlyOnce("not found");
            });
  }

  @Test
  void anAuditRecordNamesTheProviderThatAnswered() {
    List<SecretAccessRecord> records = new CopyOnWriteArrayList<>();
    SecretResolver resolver =
        new SecretResolver(
            new MapSecretProvider("memory").readsOneByOne().putAll(Map.of("api-token", "v4lue")),
            ResolutionAudit.to(records::add),
            new TransformStats());

    resolver.resolve(TokenNode.class);

    assertThat(records).hasSize(1);
    assertThat(records.get(0).provider()).isEqualTo("memory");
    assertThat(records.get(0).outcome()).isEqualTo(SecretAccessRecord.Outcome.RESOLVED);
  }
}
