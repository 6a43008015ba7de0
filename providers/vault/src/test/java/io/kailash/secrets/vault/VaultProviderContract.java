package io.kailash.secrets.vault;

import static io.kailash.secrets.vault.BackendFailures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.vault.testing.VaultAdminClient;
import io.kailash.testing.StderrCapture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the Vault provider does against a Vault, run against the API double and, when {@code
 * VAULT_ADDR} and {@code VAULT_TOKEN} are set, against a real Vault. Each run mounts its own KV v1
 * and v2 engines under unique paths and writes its data through the HTTP API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VaultProviderContract {

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  final String v2Mount = "kt-v2-" + suffix;
  final String v1Mount = "kt-v1-" + suffix;
  // Values are random so that a leak check cannot pass by accident.
  final String apiToken = "tok-" + UUID.randomUUID();
  final String oldApiToken = "old-" + UUID.randomUUID();
  final String password = "pw-" + UUID.randomUUID();
  final String v1Password = "pw1-" + UUID.randomUUID();
  final String third = "v3-" + UUID.randomUUID();
  private VaultAdminClient admin;
  private StderrCapture logs;

  /** The Vault's address; may skip the test class (JUnit assumption) when there is none. */
  abstract String url();

  abstract String token();

  /** Stops what {@link #url()} started, after the mounts were removed. */
  void stop() {}

  @BeforeAll
  void writeData() {
    admin = new VaultAdminClient(url(), token());
    logs = new StderrCapture();
    admin.enableKv(v2Mount, 2);
    admin.enableKv(v1Mount, 1);
    admin.writeKv2(v2Mount, "app/api-token", Map.of("value", oldApiToken));
    admin.writeKv2(v2Mount, "app/api-token", Map.of("value", apiToken));
    admin.writeKv2(v2Mount, "db/creds", Map.of("username", "app", "password", password));
    admin.writeKv2(v2Mount, "db/with-value", Map.of("value", password, "note", "n"));
    admin.writeKv2(
        v2Mount, "db/typed", Map.of("port", 5432, "tls", true, "nested", Map.of("a", "b")));
    admin.writeKv2(v2Mount, "spaced/a b", Map.of("value", "spaced"));
    admin.writeKv2(v2Mount, "folder/sub/deep", Map.of("value", "deep"));
    for (String value : List.of("v1-x", "v2-x", third)) {
      admin.writeKv2(v2Mount, "versioned", Map.of("value", value));
    }
    admin.deleteKv2Versions(v2Mount, "versioned", 2);
    admin.destroyKv2Versions(v2Mount, "versioned", 1);
    admin.writeKv2(v2Mount, "gone", Map.of("value", "x"));
    admin.deleteKv2Versions(v2Mount, "gone", 1);
    admin.writeKv1(v1Mount, "app/api-token", Map.of("value", apiToken));
    admin.writeKv1(v1Mount, "db/creds", Map.of("username", "app", "password", v1Password));
    admin.writeKv1(v1Mount, "folder/sub/deep", Map.of("value", "deep"));
  }

  @AfterAll
  void removeMountsAndCheckLogs() {
    try {
      if (logs != null) {
        logs.close();
        assertThat(logs.text())
            .doesNotContain(token(), apiToken, oldApiToken, password, v1Password, third);
        admin.disableMount(v2Mount);
        admin.disableMount(v1Mount);
      }
    } finally {
      stop();
    }
  }

  VaultSecretProvider provider(String mount) {
    return VaultSecretProvider.builder()
        .url(url())
        .token(token())
        .mount(mount)
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void detectsTheKvVersionOfEachMount() {
    assertThat(provider(v2Mount).kvVersion()).isEqualTo(KvVersion.V2);
    assertThat(provider(v1Mount).kvVersion()).isEqualTo(KvVersion.V1);
  }

  @Test
  void readsTheOnlyFieldOfTheCurrentVersion() {
    assertThat(provider(v2Mount).getSecret("app/api-token")).isEqualTo(apiToken);
    assertThat(provider(v1Mount).getSecret("app/api-token")).isEqualTo(apiToken);
  }

  @Test
  void readsANamedField() {
    assertThat(provider(v2Mount).getSecret("db/creds#password")).isEqualTo(password);
    assertThat(provider(v2Mount).getSecret("db/creds#username")).isEqualTo("app");
    assertThat(provider(v1Mount).getSecret("db/creds#password")).isEqualTo(v1Password);
  }

  @Test
  void readsTheValueFieldWhenThereAreSeveral() {
    assertThat(provider(v2Mount).getSecret("db/with-value")).isEqualTo(password);
  }

  @Test
  void severalFieldsWithoutValueIsAnInvalidRequestThatNamesTheFieldsOnly() {
    SecretBackendException e =
        catchThrowableOfType(
            SecretBackendException.class, () -> provider(v2Mount).getSecret("db/creds"));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("[password, username]", "db/creds#password");
    assertThat(e.getMessage()).doesNotContain(password);
  }

  @Test
  void anAbsentFieldIsNotFoundAndNamesTheFieldsThatExist() {
    SecretNotFoundException e =
        catchThrowableOfType(
            SecretNotFoundException.class, () -> provider(v1Mount).getSecret("db/creds#pass"));
    assertThat(e.detail()).contains("no field 'pass'", "[password, username]");
    assertThat(e.getMessage()).doesNotContain(v1Password);
  }

  @Test
  void nonStringFieldsAreTheirJsonText() {
    VaultSecretProvider vault = provider(v2Mount);
    assertThat(vault.getSecret("db/typed#port")).isEqualTo("5432");
    assertThat(vault.getSecret("db/typed#tls")).isEqualTo("true");
    assertThat(vault.getSecret("db/typed#nested")).isEqualTo("{\"a\":\"b\"}");
  }

  @Test
  void encodesPathSegments() {
    assertThat(provider(v2Mount).getSecret("spaced/a b")).isEqualTo("spaced");
  }

  @Test
  void readsANumberedVersion() {
    VaultSecretProvider vault = provider(v2Mount);
    assertThat(vault.getSecret("app/api-token", "1")).isEqualTo(oldApiToken);
    assertThat(vault.getSecret("app/api-token", "2")).isEqualTo(apiToken);
    assertThat(vault.getSecret("versioned", "3")).isEqualTo(third);
    assertThat(vault.getSecret("versioned")).isEqualTo(third);
  }

  @Test
  void aDeletedVersionIsNotFoundAndSaysSo() {
    SecretNotFoundException e =
        catchThrowableOfType(
            SecretNotFoundException.class, () -> provider(v2Mount).getSecret("versioned", "2"));
    assertThat(e.detail()).startsWith("version 2 was deleted at ");
    assertThat(e.version()).isEqualTo("2");
  }

  @Test
  void aDestroyedVersionIsNotFoundAndSaysSo() {
    SecretNotFoundException e =
        catchThrowableOfType(
            SecretNotFoundException.class, () -> provider(v2Mount).getSecret("versioned", "1"));
    assertThat(e.detail()).isEqualTo("version 1 was destroyed");
  }

  @Test
  void aDeletedCurrentVersionIsNotFoundAndSaysWhichVersion() {
    SecretNotFoundException e =
        catchThrowableOfType(
            SecretNotFoundException.class, () -> provider(v2Mount).getSecret("gone"));
    assertThat(e.detail()).startsWith("the current version (1) was deleted at ");
  }

  @Test
  void aVersionThatNeverExistedIsNotFound() {
    SecretNotFoundException e =
        catchThrowableOfType(
            SecretNotFoundException.class, () -> provider(v2Mount).getSecret("versioned", "9"));
    assertThat(e.detail()).isEqualTo("version 9 does not exist");
  }

  @Test
  void anAbsentSecretIsNotFound() {
    for (String mount : List.of(v1Mount, v2Mount)) {
      SecretNotFoundException e =
          catchThrowableOfType(
              SecretNotFoundException.class, () -> provider(mount).getSecret("no/such"));
      assertThat(e.secretName()).isEqualTo("no/such");
      assertThat(e.providersTried()).containsExactly("vault");
    }
  }

  @Test
  void aVersionThatNamesNoVaultVersionIsAbsentNamingTheAcceptedForms() {
    assertThatThrownBy(() -> provider(v2Mount).getSecret("app/api-token", "AWSPREVIOUS"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("'AWSPREVIOUS' names no Vault KV version")
        .hasMessageContaining("written '2' or 'v2'");
  }

  @Test
  void aVersionOnKvVersion1IsAbsentWithAClearDetail() {
    assertThatThrownBy(() -> provider(v1Mount).getSecret("app/api-token", "1"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("is KV version 1, which keeps no versions");
  }

  @Test
  void listsEverySecretThroughFoldersSorted() {
    assertThat(provider(v2Mount).listSecrets())
        .containsExactly(
            "app/api-token",
            "db/creds",
            "db/typed",
            "db/with-value",
            "folder/sub/deep",
            "gone",
            "spaced/a b",
            "versioned");
    assertThat(provider(v1Mount).listSecrets())
        .containsExactly("app/api-token", "db/creds", "folder/sub/deep");
  }

  @Test
  void aMountThatDoesNotExistIsMisconfigured() {
    for (KvVersion configured : List.of(KvVersion.AUTO, KvVersion.V2)) {
      VaultSecretProvider vault =
          VaultSecretProvider.builder()
              .url(url())
              .token(token())
              .mount("no-such-mount-" + suffix)
              .kvVersion(configured)
              .build();
      assertFailsWith(Reason.MISCONFIGURED, () -> vault.getSecret("x"))
          .hasMessageContaining("no-such-mount-" + suffix);
    }
  }

  @Test
  void batchReadsOmitAbsentSecretsAndFillParameters() {
    VaultSecretProvider vault = provider(v2Mount);
    Map<SecretRef, String> values =
        vault.getSecretValues(
            List.of(
                SecretRef.current("app/api-token"),
                SecretRef.current("no/such"),
                new SecretRef("app/api-token", "1"),
                SecretRef.current("db/creds#password")));
    assertThat(values)
        .containsExactly(
            Map.entry(SecretRef.current("app/api-token"), apiToken),
            Map.entry(new SecretRef("app/api-token", "1"), oldApiToken),
            Map.entry(SecretRef.current("db/creds#password"), password));
    assertThat(
            vault.getSecrets(
                List.of(
                    SecretRequest.required("db/creds#password", "dbPassword"),
                    SecretRequest.optional("no/such", "missing"))))
        .containsExactly(Map.entry("dbPassword", password));
  }

  @Test
  void pathTraversalAndAbsoluteNamesAreRejected() {
    for (String name : List.of("../secret", "a/../b", "/etc/passwd", "a//b", "a/./b", "")) {
      assertFailsWith(Reason.INVALID_REQUEST, () -> provider(v2Mount).getSecret(name));
    }
  }
}
