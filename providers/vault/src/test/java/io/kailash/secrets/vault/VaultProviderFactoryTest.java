package io.kailash.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code vault.*} configuration keys. */
class VaultProviderFactoryTest {

  // Not the real environment: VAULT_ADDR or VAULT_TOKEN there must not change these tests.
  private final VaultProviderFactory factory =
      new VaultProviderFactory(new VaultEnvironment(Map.of(), null));
  private VaultApiDouble vault;

  @BeforeEach
  void start() {
    vault = VaultApiDouble.start();
    vault.putKv2("secret", "app", Map.of("value", "from-vault"));
  }

  @AfterEach
  void stop() {
    vault.close();
  }

  private SecretProvider create(Map<String, String> values) {
    return factory.create(new ProviderSettings("vault", values, factory.credentialKeys()));
  }

  private Map<String, String> tokenConfig() {
    Map<String, String> values = new HashMap<>();
    values.put("url", vault.url());
    values.put("token", vault.rootToken());
    return values;
  }

  @Test
  void isRegisteredAsABuiltInProviderType() {
    assertThat(SecretProviderFactories.forType("vault"))
        .get()
        .isInstanceOf(VaultProviderFactory.class);
  }

  @Test
  void namesItsKeysAndMasksCredentials() {
    assertThat(factory.keys())
        .contains("url", "mount", "kv-version", "namespace", "auth", "token", "approle.role-id")
        .contains("approle.secret-id", "approle.mount", "kubernetes.role", "kubernetes.jwt-path")
        .contains("kubernetes.mount", "ca-cert", "timeout", "max-concurrency");
    assertThat(factory.credentialKeys())
        .containsExactlyInAnyOrder(
            "token", "approle.secret-id", "approle.role-id", "cert.key-store-password");
    assertThat(factory.keys()).containsAll(factory.credentialKeys());
  }

  @Test
  void createsWithoutConnectingThenReads() {
    SecretProvider provider = create(tokenConfig());

    assertThat(vault.requestCount()).isZero();
    assertThat(provider.name()).isEqualTo("vault");
    assertThat(provider.toString()).doesNotContain(vault.rootToken());
    assertThat(provider.getSecret("app")).isEqualTo("from-vault");
  }

  @Test
  void readsAllOptionalKeys() {
    vault.enableKv("kv1", 1);
    vault.putKv1("kv1", "app", Map.of("value", "from-v1"));
    Map<String, String> values = tokenConfig();
    values.put("auth", "token");
    values.put("mount", "kv1");
    values.put("kv-version", "1");
    values.put("timeout", "2s");
    values.put("max-concurrency", "2");

    SecretProvider provider = create(values);
    assertThat(provider.getSecret("app")).isEqualTo("from-v1");
    assertThat(provider.toString()).contains("mount=kv1", "kv-version=V1");
  }

  @Test
  void approleFromKeys() {
    vault.enableAppRole(
        "ci",
        "rid",
        "sid",
        io.kailash.secrets.vault.testing.TokenSpec.of(Duration.ofHours(1), true));
    SecretProvider provider =
        create(
            Map.of(
                "url", vault.url(),
                "auth", "approle",
                "approle.mount", "ci",
                "approle.role-id", "rid",
                "approle.secret-id", "sid"));
    assertThat(provider.getSecret("app")).isEqualTo("from-vault");
  }

  @Test
  void kubernetesFromKeys(@TempDir Path dir) throws IOException {
    Path jwt = Files.writeString(dir.resolve("jwt"), "the-jwt");
    vault.enableKubernetes("app-role", "the-jwt", Duration.ofHours(1), true);
    SecretProvider provider =
        create(
            Map.of(
                "url",
                vault.url(),
                "auth",
                "kubernetes",
                "kubernetes.role",
                "app-role",
                "kubernetes.jwt-path",
                jwt.toString()));
    assertThat(provider.getSecret("app")).isEqualTo("from-vault");
  }

  @Test
  void malformedConfigurationNamesTheKey() {
    assertRejected(Map.of("token", "t"), "'vault.url'");
    assertRejected(Map.of("url", "http://h"), "'vault.auth'");
    assertRejected(Map.of("url", "http://h", "auth", "ldap"), "'ldap' for key 'vault.auth'");
    assertRejected(Map.of("url", "http://h", "auth", "token"), "'vault.token'");
    assertRejected(Map.of("url", "http://h", "auth", "approle"), "'vault.approle.role-id'");
    assertRejected(
        Map.of("url", "http://h", "auth", "approle", "approle.role-id", "r"),
        "'vault.approle.secret-id'");
    assertRejected(Map.of("url", "http://h", "auth", "kubernetes"), "'vault.kubernetes.role'");
    assertRejected(Map.of("url", "ftp://h", "token", "t"), "must be http:// or https://");
    assertRejected(
        Map.of("url", "http://h", "token", "t", "kv-version", "3"), "'vault.kv-version'");
    assertRejected(Map.of("url", "http://h", "token", "t", "timeout", "soon"), "'vault.timeout'");
    assertRejected(Map.of("url", "http://h", "token", "t", "timeout", "0s"), "'vault.timeout'");
    assertRejected(
        Map.of("url", "http://h", "token", "t", "max-concurrency", "0"), "'vault.max-concurrency'");
    assertRejected(Map.of("url", "http://h", "token", "t", "mount", "a/../b"), "mount path");
    assertRejected(
        Map.of("url", "http://h", "token", "t", "ca-cert", "/no/such/ca.pem"), "'vault.ca-cert'");
  }

  @Test
  void credentialsAreNeverInConfigurationErrors() {
    assertThatThrownBy(
            () ->
                create(
                    Map.of(
                        "url",
                        "http://user:pass-123@h",
                        "token",
                        "tok-123",
                        "approle.secret-id",
                        "sid-123")))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageNotContaining("pass-123")
        .hasMessageNotContaining("tok-123")
        .hasMessageNotContaining("sid-123");
  }

  private void assertRejected(Map<String, String> values, String expected) {
    assertThatThrownBy(() -> create(values))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining(expected);
  }
}
