package io.kailash.secrets.agent.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.testing.MapSecretProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A starting run's secrets are loaded into the cache at once, so its nodes hit the cache. */
class RunPrefetchTest {

  private static final String[] RUN_SECRETS = {"api-token", "", "db-password", ""};

  @SecretRequirement(name = "db-password", parameter = "db_password")
  static class DbNode {}

  private final MapSecretProvider backend =
      new MapSecretProvider("memory")
          .readsOneByOne()
          .putAll(Map.of("api-token", "token-v1", "db-password", "pw-v1"));

  @Test
  void withACacheTheRunsSecretsAreReadOnceAheadAndNodesHitTheCache() {
    SecretResolver resolver =
        new SecretResolver(
            CachingSecretProvider.builder(backend).build(),
            ResolutionAudit.off(),
            new TransformStats(),
            true);

    resolver.prefetch(RUN_SECRETS);
    assertThat(backend.reads()).containsExactlyInAnyOrder("api-token", "db-password");
    backend.reads().clear();

    assertThat(resolver.resolve(DbNode.class))
        .isEqualTo(AgentProtocol.secrets(Map.of("db_password", "pw-v1")));
    assertThat(backend.reads()).isEmpty();
  }

  @Test
  void withoutACacheNothingIsReadAhead() {
    SecretResolver resolver =
        new SecretResolver(backend, ResolutionAudit.off(), new TransformStats());

    resolver.prefetch(RUN_SECRETS);

    assertThat(backend.reads()).isEmpty();
  }

  @Test
  void aFailingBackendIsLeftForTheNodeToReport() {
    SecretResolver resolver =
        new SecretResolver(
            CachingSecretProvider.builder(backend).build(),
            ResolutionAudit.off(),
            new TransformStats(),
            true);
    backend.failWith(
        io.kailash.secrets.SecretBackendException.Reason.UNAVAILABLE, "the backend did not answer");

    resolver.prefetch(RUN_SECRETS); // must not throw

    assertThat(backend.reads()).isNotEmpty();
  }
}
