package io.kailash.secrets.vault;

import static io.kailash.secrets.vault.BackendFailures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.vault.testing.SelfSignedTls;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a private CA given as a PEM file. */
class VaultTlsTest {

  @TempDir static Path dir;
  private static SelfSignedTls tls;
  private static VaultApiDouble vault;

  @BeforeAll
  static void start() {
    tls = SelfSignedTls.create(dir);
    vault = VaultApiDouble.startTls(tls);
    vault.putKv2("secret", "app", Map.of("value", "over-tls"));
  }

  @AfterAll
  static void stop() {
    vault.close();
  }

  private static VaultSecretProviderBuilder builder() {
    return VaultSecretProvider.builder().url(vault.url()).token(vault.rootToken());
  }

  @Test
  void trustsTheCaCertificateFile() {
    assertThat(vault.url()).startsWith("https://");
    assertThat(builder().caCert(tls.certificatePem()).build().getSecret("app"))
        .isEqualTo("over-tls");
  }

  @Test
  void anUntrustedCertificateIsMisconfiguredAndPointsAtCaCert() {
    assertFailsWith(Reason.MISCONFIGURED, () -> builder().build().getSecret("app"))
        .hasMessageContaining("TLS handshake failed")
        .hasMessageContaining("set ca-cert");
  }

  @Test
  void aCaCertFileWithoutCertificatesIsMisconfigured() throws IOException {
    Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate");
    long readsBefore = vault.requestCount("secret/data/app");
    assertFailsWith(Reason.MISCONFIGURED, () -> builder().caCert(notPem).build().getSecret("app"))
        .hasMessageContaining("cannot use the CA certificate file " + notPem);
    assertThat(vault.requestCount("secret/data/app")).isEqualTo(readsBefore);
  }
}
