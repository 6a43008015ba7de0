package io.kailash.secrets.agent.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.audit.SecretAccessRecord;
import io.kailash.secrets.injection.AgentHandoff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm path hands out the last answer while nothing changed, and never a stale one. */
class WarmAnswerTest {

  private static final String[] TWO_SECRETS = {
    "api-token", "api_token", "false", "", "db-password", "db_password", "false", ""
  };

  private final Map<String, String> store =
      new HashMap<>(Map.of("api-token", "token-v1", "db-password", "pw-v1"));
  private final List<String> reads = new ArrayList<>();
  private boolean broken;

  private final SecretProvider provider =
      new SecretProvider() {
        @Override
        public String name() {
          return "memory";
        }

        @Override
        public String getSecret(String name, String version) {
          reads.add(name);
          if (broken) {
            throw new SecretBackendException(
                "memory", name, SecretBackendException.Reason.UNAVAILABLE, "connection refused");
          }
          String value = store.get(name);
          if (value == null) {
            throw new SecretNotFoundException(SecretRef.current(name), "memory", "");
          }
          return value;
        }

        @Override
        public List<String> listSecrets() {
          return List.copyOf(store.keySet());
        }
      };

  private SecretResolver resolver(ResolutionAudit audit) {
    return new SecretResolver(provider, audit, new TransformStats());
  }

  @Test
  void unchangedValuesReuseTheSameAnswerWithOneReadPerSecret() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    Object first = resolver.apply(new Object(), TWO_SECRETS);
    reads.clear();

    Object second = resolver.apply(new Object(), TWO_SECRETS);

    assertThat(second).isEqualTo(Map.of("api_token", "token-v1", "db_password", "pw-v1"));
    assertThat(second).isEqualTo(first);
    assertThat(resolver.apply(new Object(), TWO_SECRETS)).isSameAs(second);
    assertThat(reads).containsExactly("api-token", "db-password", "api-token", "db-password");
  }

  @Test
  void aRotatedValueIsAnsweredAtOnce() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    resolver.apply(new Object(), TWO_SECRETS);
    resolver.apply(new Object(), TWO_SECRETS);

    store.put("db-password", "pw-v2");

    assertThat(resolver.apply(new Object(), TWO_SECRETS))
        .isEqualTo(Map.of("api_token", "token-v1", "db_password", "pw-v2"));
  }

  @Test
  void aSecretThatDisappearedIsReportedNotServedFromTheWarmAnswer() {
    SecretResolver resolver = resolver(ResolutionAudit.off());
    resolver.apply(new Object(), TWO_SECRETS);
    resolver.apply(new Object(), TWO_SECRETS);

    store.remove("api-token");
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

    broken = true;
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
