package io.kailash.secrets.agent.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.audit.SecretAccessRecord;
import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.testing.MapSecretProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm path hands out the last answer while nothing changed, and never a stale one. */
class WarmAnswerTest {

  @SecretRequirement(name = "api-token", parameter = "api_token")
  @SecretRequirement(name = "db-password", parameter = "db_password")
  static class TwoSecrets {}

  private final MapSecretProvider provider =
      new MapSecretProvider("memory")
          .readsOneByOne()
          .putAll(Map.of("api-token", "token-v1", "db-password", "pw-v1"));

  private SecretResolver resolver(ResolutionAudit audit) {
    return new SecretResolver(provider, audit, new TransformStats());
  }

  @Test
  void unchangedValuesReuseTheSameAnswerWithOneReadPerSecret() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    Object first = resolver.resolve(TwoSecrets.class);
    provider.reads().clear();

    Object second = resolver.resolve(TwoSecrets.class);

    assertThat(second)
        .isEqualTo(AgentProtocol.secrets(Map.of("api_token", "token-v1", "db_password", "pw-v1")));
    assertThat(second).isEqualTo(first);
    assertThat(resolver.resolve(TwoSecrets.class)).isSameAs(second);
    assertThat(provider.reads())
        .containsExactly("api-token", "db-password", "api-token", "db-password");
  }

  @Test
  void aRotatedValueIsAnsweredAtOnce() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    resolver.resolve(TwoSecrets.class);
    resolver.resolve(TwoSecrets.class);

    provider.put("db-password", "pw-v2");

    assertThat(resolver.resolve(TwoSecrets.class))
        .isEqualTo(AgentProtocol.secrets(Map.of("api_token", "token-v1", "db_password", "pw-v2")));
  }

  @Test
  void aSecretThatDisappearedIsReportedNotServedFromTheWarmAnswer() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    resolver.resolve(TwoSecrets.class);
    resolver.resolve(TwoSecrets.class);

    provider.remove("api-token");
    Object answer = resolver.resolve(TwoSecrets.class);

    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), answer))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("api-token");
  }

  @Test
  void aFailingBackendIsReportedNotMaskedByTheWarmAnswer() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    resolver.resolve(TwoSecrets.class);
    resolver.resolve(TwoSecrets.class);

    provider.failWith(SecretBackendException.Reason.UNAVAILABLE, "the backend did not answer");
    Object answer = resolver.resolve(TwoSecrets.class);

    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.UNAVAILABLE));
  }

  @Test
  void withAuditOnEveryCallWritesItsRecords() {
    List<SecretAccessRecord> records = new ArrayList<>();
    SecretResolver resolver = resolver(ResolutionAudit.to(records::add));

    resolver.resolve(TwoSecrets.class);
    resolver.resolve(TwoSecrets.class);

    assertThat(records).hasSize(4);
    assertThat(records)
        .extracting(SecretAccessRecord::outcome)
        .containsOnly(SecretAccessRecord.Outcome.RESOLVED);
  }
}
