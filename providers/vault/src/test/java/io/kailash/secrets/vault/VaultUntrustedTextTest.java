package io.kailash.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.vault.testing.VaultFault;
import io.kailash.testing.LeakProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials are refused at configuration when a line break or control character would carry them
 * into an HTTP header (and the JDK's error message), and text Vault chooses reaches messages only
 * sanitized.
 */
class VaultUntrustedTextTest extends DoubleTestBase {

  @TempDir Path dir;

  @Override
  String secretPath() {
    return "app/token";
  }

  private VaultSecretProvider provider() {
    return VaultSecretProvider.builder()
        .url(vault.url())
        .token(vault.rootToken())
        .timeSource(clock)
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  @Test
  void aTokenFileWithASecondLineIsRefusedAtConfigurationWithoutShowingIt() {
    String token = vault.rootToken() + "\n# rotated by ops";
    VaultProviderFactory factory = new VaultProviderFactory();

    try (LeakProbe probe = LeakProbe.open()) {
      probe.attempt(
          () ->
              factory.create(
                  new ProviderSettings(
                      "vault",
                      Map.of("url", vault.url(), "token", token),
                      factory.credentialKeys())));
      probe.attempt(() -> VaultSecretProvider.builder().token("abc\u0007def"));
      probe.attempt(() -> VaultAuth.appRole("role-id", "secret-id-93c1\r"));
      probe.assertNowhere(vault.rootToken(), "rotated by ops", "def", "secret-id-93c1");
    }
    assertThatThrownBy(
            () ->
                factory.create(
                    new ProviderSettings(
                        "vault",
                        Map.of("url", vault.url(), "token", token),
                        factory.credentialKeys())))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("vault.token")
        .hasMessageContaining("line break")
        .hasMessageContaining("Its value is not shown");
  }

  @Test
  void aKubernetesJwtWithALineBreakIsRefusedWithoutShowingIt() throws IOException {
    Path jwt = Files.writeString(dir.resolve("token"), "eyJhbGci.jwt-body-4f2a\nsecond line");
    VaultSecretProvider provider =
        VaultSecretProvider.builder()
            .url(vault.url())
            .auth(VaultAuth.kubernetes("kubernetes", "app", jwt))
            .timeSource(clock)
            .build();

    SecretBackendException e =
        LeakProbe.backendFailureWithout(
            () -> provider.getSecret("app/token"), "jwt-body-4f2a", "second line");
    assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED);
    assertThat(e.getMessage()).contains("line break");
  }

  @Test
  void aTokenHttpRefusesAsAHeaderIsReportedWithoutQuotingIt() {
    // A token that passed no configuration check (one a login returned) reaches the header.
    VaultHttp http =
        new VaultHttp(
            new VaultEndpoint(
                java.net.URI.create(vault.url()), null, Duration.ofSeconds(5), null, "vault"));

    SecretBackendException e =
        LeakProbe.backendFailureWithout(
            () ->
                http.send(
                    VaultRequest.get("secret/data/app/token", "app/token"), "hvs.tok\nmarker-77"),
            "marker-77",
            "hvs.tok");
    assertThat(e.getMessage()).contains("characters HTTP does not allow");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void vaultsErrorTextIsQuotedOnOneLineWithoutControlCharactersAndCapped() {
    String forged = "bad path\n2026-01-01 INFO forged line\u202e\u0000 " + "y".repeat(400);
    vault.failNext(1, VaultFault.status(400, forged));

    assertThatThrownBy(() -> provider().getSecret("app/token"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("bad path 2026-01-01 INFO forged line")
                    .doesNotContain("\n")
                    .doesNotContain("\u202e")
                    .doesNotContain("\u0000")
                    .doesNotContain("y".repeat(201)));
  }

  @Test
  void aRedirectsLocationIsQuotedSanitizedAndCapped() throws IOException {
    String location = "https://standby.invalid/\tforged " + "q".repeat(400);
    com.sun.net.httpserver.HttpServer standby =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    standby.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Location", location);
          exchange.sendResponseHeaders(307, -1);
          exchange.close();
        });
    standby.start();
    try {
      VaultSecretProvider provider =
          VaultSecretProvider.builder()
              .url("http://127.0.0.1:" + standby.getAddress().getPort())
              .token(vault.rootToken())
              .kvVersion(KvVersion.V2)
              .timeSource(clock)
              .build();

      assertThatThrownBy(() -> provider.getSecret("app/token"))
          .isInstanceOfSatisfying(
              SecretBackendException.class,
              e ->
                  assertThat(e.getMessage())
                      .contains("redirected")
                      .contains("https://standby.invalid/ forged qqq")
                      .doesNotContain("\t")
                      .doesNotContain("q".repeat(201)));
    } finally {
      standby.stop(0);
    }
  }

  @Test
  void aNonJsonOkAnswerIsAnInvalidResponseWithoutTheBody() {
    vault.failNext(1, VaultFault.malformedJson());

    SecretBackendException e =
        LeakProbe.backendFailureWithout(
            () -> provider().getSecret("app/token"), VaultFault.MALFORMED_MARKER, value);
    assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    assertThat(e.isTransient()).isFalse();
  }
}
