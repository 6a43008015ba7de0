package io.kailash.secrets.vault;

import static io.kailash.secrets.vault.BackendFailures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.vault.testing.ClientCertificate;
import io.kailash.secrets.vault.testing.SelfSignedTls;
import io.kailash.secrets.vault.testing.TokenSpec;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS certificate login over mutual TLS: the double's listener requires a client certificate, and
 * {@code auth/cert/login} accepts only the one registered with the role. Keys and certificates are
 * made at test time with keytool.
 */
class VaultCertAuthTest {

  @TempDir static Path dir;
  private static SelfSignedTls tls;
  private static ClientCertificate registered;
  private static ClientCertificate other;
  private static VaultApiDouble vault;

  @BeforeAll
  static void start() {
    tls = SelfSignedTls.create(dir);
    registered = ClientCertificate.create(dir, "app");
    other = ClientCertificate.create(dir, "intruder");
    vault = VaultApiDouble.startMutualTls(tls, List.of(registered, other));
    vault.putKv2("secret", "app", Map.of("value", "over-mtls"));
    vault.enableCert("cert", "web", registered, TokenSpec.of(Duration.ofHours(1), true));
  }

  @AfterAll
  static void stop() {
    vault.close();
  }

  @BeforeEach
  void clear() {
    vault.clearRequests();
  }

  private VaultSecretProvider provider(VaultAuth auth) {
    return VaultSecretProvider.builder()
        .url(vault.url())
        .caCert(tls.certificatePem())
        .auth(auth)
        .build();
  }

  @Test
  void logsInWithTheClientCertificate() {
    VaultSecretProvider provider =
        provider(VaultAuth.cert("cert", "web", registered.keyStore(), registered.password()));

    assertThat(provider.getSecret("app")).isEqualTo("over-mtls");
    assertThat(provider.getSecret("app")).isEqualTo("over-mtls");
    assertThat(vault.requestCount("auth/cert/login")).isEqualTo(1);
    assertThat(provider.toString())
        .contains("cert(mount=cert, name=web")
        .doesNotContain(registered.password());
  }

  @Test
  void withoutARoleNameVaultTriesEveryRole() {
    VaultSecretProvider provider =
        provider(VaultAuth.cert("cert", null, registered.keyStore(), registered.password()));
    assertThat(provider.getSecret("app")).isEqualTo("over-mtls");
  }

  @Test
  void aCertificateNoRoleAcceptsIsRefusedWithAHint() {
    VaultSecretProvider provider =
        provider(VaultAuth.cert("cert", "web", other.keyStore(), other.password()));

    assertFailsWith(Reason.ACCESS_DENIED, () -> provider.getSecret("app"))
        .hasMessageContaining("Vault refused the login at auth/cert (HTTP 400")
        .hasMessageContaining("invalid certificate or no client certificate supplied")
        .hasMessageContaining(other.keyStore().toString())
        .hasMessageNotContaining(other.password());
  }

  @Test
  void aWrongKeyStorePasswordIsMisconfiguredAndNotShown() {
    VaultSecretProvider provider =
        provider(VaultAuth.cert("cert", "web", registered.keyStore(), "wrong-password-123"));

    assertFailsWith(Reason.MISCONFIGURED, () -> provider.getSecret("app"))
        .hasMessageContaining("cannot use the client key store " + registered.keyStore())
        .hasMessageNotContaining("wrong-password-123");
    assertThat(vault.requestCount()).isZero();
  }

  @Test
  void configuredWithKeys() {
    VaultProviderFactory factory = new VaultProviderFactory(new VaultEnvironment(Map.of(), null));
    SecretProvider provider =
        factory.create(
            new ProviderSettings(
                "vault",
                Map.of(
                    "url", vault.url(),
                    "ca-cert", tls.certificatePem().toString(),
                    "auth", "cert",
                    "cert.name", "web",
                    "cert.key-store", registered.keyStore().toString(),
                    "cert.key-store-password", registered.password()),
                factory.credentialKeys()));
    assertThat(provider.getSecret("app")).isEqualTo("over-mtls");
  }
}
