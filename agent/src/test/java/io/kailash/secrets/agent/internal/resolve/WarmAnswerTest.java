package io.kailash.secrets.agent.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.audit.SecretAccessRecord;
import io.kailash.secrets.injection.AgentHandoff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm path hands out the last answer while nothing changed, and never a stale one. */
class WarmAnswerTest {

  private static final String[] TWO_SECRETS = {
    "api-token", "api_token", "false", "", "db-password", "db_password", "false", ""
  };

  private final MemoryProvider provider =
      new MemoryProvider(Map.of("api-token", "token-v1", "db-password", "pw-v1"));

  private SecretResolver resolver(ResolutionAudit audit) {
    return new SecretResolver(provider, audit, new TransformStats());
  }

  @Test
  void unchangedValuesReuseTheSameAnswerWithOneReadPerSecret() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    Object first = resolver.apply(new Object(), TWO_SECRETS);
    provider.reads.clear();

    Object second = resolver.apply(new Object(), TWO_SECRETS);

    assertThat(second).isEqualTo(Map.of("api_token", "token-v1", "db_password", "pw-v1"));
    assertThat(second).isEqualTo(first);
    assertThat(resolver.apply(new Object(), TWO_SECRETS)).isSameAs(second);
    assertThat(provider.reads)
        .containsExactly("api-token", "db-password", "api-token", "db-password");
  }

  @Test
  void aRotatedValueIsAnsweredAtOnce() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    resolver.apply(new Object(), TWO_SECRETS);
    resolver.apply(new Object(), TWO_SECRETS);

    provider.store.put("db-password", "pw-v2");

    assertThat(resolver.apply(new Object(), TWO_SECRETS))
        .isEqualTo(Map.of("api_token", "token-v1", "db_password", "pw-v2"));
  }

  @Test
  void aSecretThatDisappearedIsReportedNotServedFromTheWarmAnswer() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    resolver.apply(new Object(), TWO_SECRETS);
    resolver.apply(new Object(), TWO_SECRETS);

    provider.store.remove("api-token");
    Object answer = resolver.apply(new Object(), TWO_SECRETS);

    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), answer))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("api-token");
  }

  @Test
  void aFailingBackendIsReportedNotMaskedByTheWarmAnswer() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    resolver.apply(new Object(), TWO_SECRETS);
    resolver.apply(new Object(), TWO_SECRETS);

    provider.failure = SecretBackendException.Reason.UNAVAILABLE;
    Object answer = resolver.apply(new Object(), TWO_SECRETS);

    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.UNAVAILABLE));
  }

  @Test
  void withAuditOnEveryCallWritesItsRecords() {
    List<SecretAccessRecord> records = new ArrayList<>();
    SecretResolver resolver = resolver(ResolutionAudit.to(records::add));

    resolver.apply(new Object(), TWO_SECRETS);
    resolver.apply(new Object(), TWO_SECRETS);

    assertThat(records).hasSize(4);
    assertThat(records)
        .extracting(SecretAccessRecord::outcome)
        .containsOnly(SecretAccessRecord.Outcome.RESOLVED);
  }
}
