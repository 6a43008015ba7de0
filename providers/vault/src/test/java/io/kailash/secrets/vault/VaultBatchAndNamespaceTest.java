package io.kailash.secrets.vault;

import static io.kailash.secrets.vault.BackendFailures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.secrets.vault.testing.VaultFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent batch reads, and namespaces. */
class VaultBatchAndNamespaceTest {

  private VaultApiDouble vault;
  private final List<SecretRef> refs = new ArrayList<>();

  @BeforeEach
  void start() {
    vault = VaultApiDouble.start();
    for (int i = 0; i < 12; i++) {
      vault.putKv2("secret", "s" + i, Map.of("value", "v" + i));
      refs.add(SecretRef.current("s" + i));
    }
  }

  @AfterEach
  void stop() {
    vault.close();
  }

  private VaultSecretProviderBuilder builder() {
    return VaultSecretProvider.builder().url(vault.url()).token(vault.rootToken());
  }

  @Test
  void batchReadsRunConcurrentlyUpToTheLimit() {
    VaultSecretProvider provider = builder().maxConcurrency(4).build();
    provider.kvVersion();
    vault.latency(Duration.ofMillis(100));
    vault.clearRequests();

    Map<SecretRef, String> values = provider.getSecretValues(refs);

    assertThat(values).hasSize(12).containsEntry(SecretRef.current("s7"), "v7");
    assertThat(values.keySet()).containsExactlyElementsOf(refs);
    assertThat(vault.maxConcurrentRequests()).isBetween(2, 4);
  }

  @Test
  void aConcurrencyOfOneReadsInTurn() {
    VaultSecretProvider provider = builder().maxConcurrency(1).build();
    vault.latency(Duration.ofMillis(20));

    assertThat(provider.getSecretValues(refs.subList(0, 4))).hasSize(4);
    assertThat(vault.maxConcurrentRequests()).isEqualTo(1);
  }

  @Test
  void oneFailedReadFailsTheBatch() {
    VaultSecretProvider provider = builder().build();
    vault.failNext("secret/data/s5", 1, VaultFault.permissionDenied());

    assertThatThrownBy(() -> provider.getSecretValues(refs))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
              assertThat(e.secretName()).isEqualTo("s5");
            });
  }

  @Test
  void anInvalidNameFailsTheBatchBeforeAnyRequest() {
    VaultSecretProvider provider = builder().build();
    List<SecretRef> withBadName = new ArrayList<>(refs);
    withBadName.add(SecretRef.current("a/../b"));

    assertFailsWith(Reason.INVALID_REQUEST, () -> provider.getSecretValues(withBadName));
    assertThat(provider.listSecrets()).isNotEmpty(); // the double is up ...
    assertThat(vault.requests()).noneMatch(r -> r.path().startsWith("secret/data/")); // ... unasked
  }

  @Test
  void pathTraversalNamesAreRejectedWithoutARequest() {
    VaultSecretProvider provider = builder().build();
    for (String name : List.of("../x", "a/../../sys/mounts", "/abs", "a//b", "a/.", "x#")) {
      assertFailsWith(Reason.INVALID_REQUEST, () -> provider.getSecret(name));
    }
    assertThat(vault.requestCount()).isZero();
  }

  @Test
  void aNamespaceIsSentAndSelectsTheNamespacedMount() {
    vault.enableKv("team-a/secret", 2);
    vault.putKv2("team-a/secret", "s1", Map.of("value", "team-a value"));
    VaultSecretProvider teamA = builder().namespace("/team-a/").build();

    assertThat(teamA.getSecret("s1")).isEqualTo("team-a value");
    assertThat(teamA.listSecrets()).containsExactly("s1");
    assertThat(builder().build().getSecret("s1")).isEqualTo("v1");
    assertThat(vault.requests())
        .filteredOn(r -> "team-a".equals(r.namespace()))
        .extracting(r -> r.path())
        .containsExactly("sys/internal/ui/mounts/secret", "secret/data/s1", "secret/metadata/");
  }

  @Test
  void errorsNameTheNamespace() {
    VaultSecretProvider teamB = builder().namespace("team-b").kvVersion(KvVersion.V2).build();
    assertFailsWith(Reason.MISCONFIGURED, () -> teamB.getSecret("s1"))
        .hasMessageContaining("(namespace team-b)");
  }
}
