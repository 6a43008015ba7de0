package io.kailash.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.vault.testing.SelfSignedTls;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VAULT_ADDR, VAULT_TOKEN, ~/.vault-token, VAULT_CACERT and VAULT_NAMESPACE fill in absent {@code
 * vault.*} keys; explicit keys win. The environment and home directory are injected.
 */
class VaultEnvironmentConventionsTest {

  @TempDir Path home;
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

  private SecretProvider create(Map<String, String> env, Map<String, String> keys) {
    VaultProviderFactory factory = new VaultProviderFactory(new VaultEnvironment(env, home));
    return factory.create(new ProviderSettings("vault", keys, factory.credentialKeys()));
  }

  @Test
  void aNamedInstanceTakesNoneOfTheCliVariablesAndNamesItself() throws IOException {
    // With vault-prod and vault-shared, one VAULT_TOKEN would otherwise go to both servers.
    Files.writeString(home.resolve(".vault-token"), vault.rootToken());
    VaultProviderFactory factory =
        new VaultProviderFactory(
            new VaultEnvironment(
                Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", vault.rootToken()), home));

    assertThatThrownBy(
            () -> factory.create(new ProviderSettings("vault-prod", Map.of(), Set.of("token"))))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage(
            "Missing required key 'vault-prod.url' for provider 'vault-prod', e.g."
                + " https://vault:8200.");
    assertThatThrownBy(
            () ->
                factory.create(
                    new ProviderSettings("vault-prod", Map.of("url", vault.url()), Set.of())))
        .hasMessageContaining("Missing key 'vault-prod.auth'");

    SecretProvider named =
        factory.create(
            new ProviderSettings(
                "vault-prod",
                Map.of("url", vault.url(), "token", vault.rootToken()),
                Set.of("token")));
    assertThat(named.name()).isEqualTo("vault-prod");
    assertThat(named.getSecret("app")).isEqualTo("from-vault");
  }

  @Test
  void vaultAddrAndVaultTokenAloneAreEnough() {
    SecretProvider provider =
        create(Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", vault.rootToken()), Map.of());
    assertThat(provider.getSecret("app")).isEqualTo("from-vault");
  }

  @Test
  void theTokenHelperFileIsUsedWithoutVaultToken() throws IOException {
    Files.writeString(home.resolve(".vault-token"), vault.rootToken()); // as 'vault login' does
    SecretProvider provider = create(Map.of("VAULT_ADDR", vault.url()), Map.of());
    assertThat(provider.getSecret("app")).isEqualTo("from-vault");
  }

  @Test
  void explicitKeysWinOverTheEnvironment() {
    vault.enableKv("team-a/secret", 2);
    vault.putKv2("team-a/secret", "app", Map.of("value", "from-team-a"));
    Map<String, String> env =
        Map.of(
            "VAULT_ADDR", "http://127.0.0.1:1", // nothing listens there
            "VAULT_TOKEN", "wrong-token",
            "VAULT_NAMESPACE", "no-such-namespace");

    SecretProvider provider =
        create(env, Map.of("url", vault.url(), "token", vault.rootToken(), "namespace", "team-a"));
    assertThat(provider.getSecret("app")).isEqualTo("from-team-a");
  }

  @Test
  void vaultTokenWinsOverTheTokenHelperFile() throws IOException {
    Files.writeString(home.resolve(".vault-token"), "not-a-token");
    SecretProvider provider =
        create(Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", vault.rootToken()), Map.of());
    assertThat(provider.getSecret("app")).isEqualTo("from-vault");
  }

  @Test
  void vaultTokenIsIgnoredWhenAnotherAuthMethodIsConfigured() {
    vault.enableAppRole("rid", "sid", Duration.ofHours(1), true);
    SecretProvider provider =
        create(
            Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", "wrong-token"),
            Map.of("auth", "approle", "approle.role-id", "rid", "approle.secret-id", "sid"));
    assertThat(provider.getSecret("app")).isEqualTo("from-vault");
  }

  @Test
  void vaultNamespaceIsSentWhenTheKeyIsAbsent() {
    vault.enableKv("team-a/secret", 2);
    vault.putKv2("team-a/secret", "app", Map.of("value", "from-team-a"));
    SecretProvider provider =
        create(
            Map.of(
                "VAULT_ADDR",
                vault.url(),
                "VAULT_TOKEN",
                vault.rootToken(),
                "VAULT_NAMESPACE",
                "team-a"),
            Map.of());
    assertThat(provider.getSecret("app")).isEqualTo("from-team-a");
  }

  @Test
  void vaultCacertIsTrustedWhenTheKeyIsAbsent(@TempDir Path dir) {
    SelfSignedTls tls = SelfSignedTls.create(dir);
    try (VaultApiDouble https = VaultApiDouble.startTls(tls)) {
      https.putKv2("secret", "app", Map.of("value", "over-tls"));
      SecretProvider provider =
          create(
              Map.of(
                  "VAULT_ADDR",
                  https.url(),
                  "VAULT_TOKEN",
                  https.rootToken(),
                  "VAULT_CACERT",
                  tls.certificatePem().toString()),
              Map.of());
      assertThat(provider.getSecret("app")).isEqualTo("over-tls");
    }
  }

  @Test
  void errorsNameTheVariablesToSet() throws IOException {
    assertRejected(Map.of(), Map.of("token", "t"), "VAULT_ADDR");
    assertRejected(Map.of("VAULT_ADDR", vault.url()), Map.of(), "VAULT_TOKEN");
    assertRejected(
        Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", "t", "VAULT_CACERT", "/no/such.pem"),
        Map.of(),
        "VAULT_CACERT");
    Files.writeString(home.resolve(".vault-token"), "hvs.secret-part\n# rotated by ops\n");
    assertThatThrownBy(() -> create(Map.of("VAULT_ADDR", vault.url()), Map.of()))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining(".vault-token")
        .hasMessageContaining("line break")
        .hasMessageNotContaining("secret-part");
  }

  private void assertRejected(Map<String, String> env, Map<String, String> keys, String expected) {
    assertThatThrownBy(() -> create(env, keys))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining(expected);
  }
}
