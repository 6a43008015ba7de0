package io.kailash.secrets.vault;

import static io.kailash.secrets.vault.BackendFailures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.secrets.vault.testing.VaultFault;
import io.kailash.testing.FakeTimeSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KV version detection: once per mount, falling back to the configured version only on 403. */
class VaultKvDetectionTest {

  private static final String MOUNT_INFO = "sys/internal/ui/mounts/";
  private static final VaultFault PREFLIGHT_DENIED =
      VaultFault.status(
          403,
          "preflight capability check returned 403, please ensure client's policies grant access"
              + " to path \"secret/\"");

  private final FakeTimeSource clock = new FakeTimeSource();
  private VaultApiDouble vault;

  @BeforeEach
  void start() {
    vault = VaultApiDouble.start(clock);
    vault.putKv2("secret", "app", Map.of("value", "from-v2"));
    vault.enableKv("kv1", 1);
    vault.putKv1("kv1", "app", Map.of("value", "from-v1"));
  }

  @AfterEach
  void stop() {
    vault.close();
  }

  private VaultSecretProvider provider(String mount, KvVersion configured) {
    return VaultSecretProvider.builder()
        .url(vault.url())
        .token(vault.rootToken())
        .mount(mount)
        .kvVersion(configured)
        .timeSource(clock)
        .build();
  }

  @Test
  void detectsOncePerProvider() {
    VaultSecretProvider provider = provider("secret", KvVersion.AUTO);
    for (int i = 0; i < 5; i++) {
      assertThat(provider.getSecret("app")).isEqualTo("from-v2");
    }
    assertThat(provider.listSecrets()).containsExactly("app");
    assertThat(vault.requestCount(MOUNT_INFO + "secret")).isEqualTo(1);
    assertThat(vault.requestCount("secret/data/app")).isEqualTo(5);
  }

  @Test
  void nothingIsRequestedBeforeTheFirstRead() {
    VaultSecretProvider provider = provider("secret", KvVersion.AUTO);
    assertThat(provider.toString()).contains("mount=secret");
    assertThat(vault.requestCount()).isZero();
  }

  @Test
  void aDeniedDetectionFallsBackToTheConfiguredVersion() {
    vault.failNext(MOUNT_INFO, 2, PREFLIGHT_DENIED);

    assertThat(provider("kv1", KvVersion.V1).getSecret("app")).isEqualTo("from-v1");
    assertThat(provider("secret", KvVersion.V2).getSecret("app")).isEqualTo("from-v2");
  }

  @Test
  void aDeniedDetectionWithAutoAsksForAConfiguredVersion() {
    vault.failNext(MOUNT_INFO, 1, PREFLIGHT_DENIED);

    assertFailsWith(Reason.MISCONFIGURED, () -> provider("secret", KvVersion.AUTO).getSecret("app"))
        .hasMessageContaining("no KV mount at 'secret'");
    assertThat(vault.requestCount("secret/data/app")).isZero();
  }

  @Test
  void aTransientDetectionFailureIsReportedNotGuessedAround() {
    vault.failNext(MOUNT_INFO, 1, VaultFault.sealed());
    VaultSecretProvider kv1 = provider("kv1", KvVersion.V2);
    assertFailsWith(Reason.UNAVAILABLE, () -> kv1.getSecret("app"));
    // not guessed from the configured version: the next read detects again
    assertThat(kv1.getSecret("app")).isEqualTo("from-v1");
    assertThat(vault.requestCount(MOUNT_INFO + "kv1")).isEqualTo(2);

    vault.failNext(MOUNT_INFO, 1, VaultFault.sealed());
    VaultSecretProvider provider = provider("secret", KvVersion.V1);
    assertFailsWith(Reason.UNAVAILABLE, () -> provider.getSecret("app"))
        .hasMessageContaining("Vault is sealed");
    // not cached: the next read detects again
    assertThat(provider.getSecret("app")).isEqualTo("from-v2");
  }

  @Test
  void theDetectedVersionWinsOverAWrongConfiguredOne() {
    assertThat(provider("secret", KvVersion.V1).getSecret("app")).isEqualTo("from-v2");
    assertThat(provider("kv1", KvVersion.V2).getSecret("app")).isEqualTo("from-v1");
  }

  @Test
  void readingAVersion2MountAsVersion1IsMisconfigured() {
    vault.failNext(MOUNT_INFO, 1, PREFLIGHT_DENIED);

    assertFailsWith(Reason.MISCONFIGURED, () -> provider("secret", KvVersion.V1).getSecret("app"))
        .hasMessageContaining("is KV version 2 but was read as version 1");
  }

  @Test
  void readsUseTheVersionPathsOfTheirEngine() {
    provider("secret", KvVersion.AUTO).getSecret("app", "1");
    provider("kv1", KvVersion.AUTO).getSecret("app");

    assertThat(vault.requests())
        .extracting(request -> request.method() + " " + request.path() + " " + request.query())
        .containsExactly(
            "GET sys/internal/ui/mounts/secret null",
            "GET secret/data/app version=1",
            "GET sys/internal/ui/mounts/kv1 null",
            "GET kv1/app null");
  }

  @Test
  void listsWithTheListVerbOnMetadataOrTheMount() {
    vault.putKv2("secret", "team/a", Map.of("value", "x"));
    vault.putKv1("kv1", "team/b", Map.of("value", "y"));
    vault.clearRequests();

    assertThat(provider("secret", KvVersion.AUTO).listSecrets()).containsExactly("app", "team/a");
    assertThat(provider("kv1", KvVersion.AUTO).listSecrets()).containsExactly("app", "team/b");
    assertThat(vault.requests())
        .filteredOn(request -> request.method().equals("LIST"))
        .extracting(request -> request.path())
        .containsExactly("secret/metadata/", "secret/metadata/team/", "kv1/", "kv1/team/");
  }
}
