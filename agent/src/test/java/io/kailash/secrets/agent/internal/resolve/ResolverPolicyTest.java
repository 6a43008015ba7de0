package io.kailash.secrets.agent.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.audit.SecretAccessRecord;
import io.kailash.secrets.audit.SecretAccessRecord.Outcome;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.secrets.policy.PolicyDefault;
import io.kailash.secrets.policy.PolicyFile;
import io.kailash.testing.MapSecretProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret policy in the agent's resolver: decided per class before any provider call. */
class ResolverPolicyTest {

  private static final String TEST = ResolverPolicyTest.class.getName();

  @TempDir Path dir;

  private final MapSecretProvider backend =
      new MapSecretProvider("memory")
          .readsOneByOne()
          .putAll(Map.of("payments/db#password", "pw-value", "api-token", "tok-value"));
  private final List<SecretAccessRecord> records = new CopyOnWriteArrayList<>();

  @SecretRequirement(name = "api-token", parameter = "api_token")
  @SecretRequirement(name = "payments/db#password", parameter = "password")
  static class PaymentsBase {}

  static class RefundNode extends PaymentsBase {}

  static class ListedBase {}

  @SecretRequirement(name = "payments/db#password", parameter = "password")
  static class SneakyNode extends ListedBase {}

  private SecretResolver resolver(PolicyDefault unmatched, boolean cached, String... rules)
      throws IOException {
    Path file = dir.resolve("app.policy");
    Files.writeString(file, String.join("\n", rules), StandardCharsets.UTF_8);
    return new SecretResolver(
        cached ? CachingSecretProvider.builder(backend).build() : backend,
        ResolutionAudit.to(records::add),
        new TransformStats(),
        cached,
        new PolicyGate(PolicyFile.read(file, unmatched)));
  }

  @Test
  void anAllowedClassAndItsSubclassesAreAnswered() throws IOException {
    SecretResolver resolver =
        resolver(
            PolicyDefault.DENY,
            "payments/** : " + TEST + "$PaymentsBase",
            "api-token : " + TEST + "$*Base");

    assertThat(resolver.resolve(PaymentsBase.class))
        .isEqualTo(AgentProtocol.secrets(Map.of("api_token", "tok-value", "password", "pw-value")));
    // Declared by two repeated annotations on the superclass: read through the container.
    assertThat(resolver.resolve(RefundNode.class))
        .isEqualTo(AgentProtocol.secrets(Map.of("api_token", "tok-value", "password", "pw-value")));
  }

  @Test
  void aRefusedClassGetsThePolicyDenialWithoutAnyProviderReadAndAnAuditRecord() throws IOException {
    SecretResolver resolver =
        resolver(PolicyDefault.ALLOW, "payments/** : " + TEST + "$ListedBase");

    Object answer = resolver.resolve(SneakyNode.class);
    Object again = resolver.resolve(SneakyNode.class);

    assertThat(backend.reads()).isEmpty();
    assertThat(again).isSameAs(answer); // decided once per class and plan
    assertThatThrownBy(() -> AgentHandoff.inject(new SneakyNode(), Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.POLICY_DENIED);
              assertThat(e.getMessage())
                  .startsWith(
                      "Provider secret-policy failed reading secret 'payments/db#password'"
                          + " [POLICY_DENIED]: the secret policy ")
                  .contains(SneakyNode.class.getName())
                  .contains("'payments/db#password'")
                  .contains(dir.resolve("app.policy").toString())
                  .doesNotContain("pw-value");
            });
    assertThat(records)
        .hasSize(2)
        .allSatisfy(
            record -> {
              assertThat(record.outcome()).isEqualTo(Outcome.DENIED_BY_POLICY);
              assertThat(record.nodeClass()).isEqualTo(SneakyNode.class.getName());
              assertThat(record.secretName()).isEqualTo("payments/db#password");
            });
  }

  @Test
  void theRunStartReadAheadSkipsSecretsNoAllowedClassHasAskedFor() throws IOException {
    SecretResolver resolver =
        resolver(PolicyDefault.ALLOW, true, "payments/** : " + TEST + "$PaymentsBase");
    String[] runSecrets = {"payments/db#password", "", "api-token", ""};

    resolver.prefetch(runSecrets);
    assertThat(backend.reads()).containsExactly("api-token"); // open to every class

    resolver.resolve(SneakyNode.class);
    assertThat(backend.reads()).containsExactly("api-token");

    resolver.resolve(PaymentsBase.class); // an allowed class asked: now it may be read ahead
    backend.reads().clear();
    resolver.prefetch(runSecrets);
    assertThat(backend.reads()).doesNotContain("api-token"); // cached
    assertThat(resolver.resolve(PaymentsBase.class))
        .isEqualTo(AgentProtocol.secrets(Map.of("api_token", "tok-value", "password", "pw-value")));
  }

  private SecretResolver resolver(PolicyDefault unmatched, String... rules) throws IOException {
    return resolver(unmatched, false, rules);
  }
}
