package io.kailash.secrets.vault;

import static io.kailash.secrets.vault.BackendFailures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.vault.testing.TokenSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWT/OIDC login with a role and a JWT file that is read again at each login. */
class VaultJwtAuthTest extends DoubleTestBase {

  private final String firstJwt = "eyJ.first-" + UUID.randomUUID();
  private final String rotatedJwt = "eyJ.rotated-" + UUID.randomUUID();
  @TempDir Path dir;
  private Path jwtFile;

  @Override
  String secretPath() {
    return "app";
  }

  @BeforeEach
  void writeToken() throws IOException {
    neverLogged.addAll(List.of(firstJwt, rotatedJwt));
    jwtFile = Files.writeString(dir.resolve("token"), firstJwt + "\n");
  }

  private VaultSecretProvider provider(String mount) {
    return VaultSecretProvider.builder()
        .url(vault.url())
        .auth(VaultAuth.jwt(mount, "ci", jwtFile))
        .timeSource(clock)
        .build();
  }

  @Test
  void logsInWithRoleAndTheFilesJwt() {
    vault.enableJwt("jwt", "ci", firstJwt, TokenSpec.of(Duration.ofHours(1), false));
    VaultSecretProvider provider = provider("jwt");

    assertThat(provider.getSecret("app")).isEqualTo(value);
    assertThat(vault.requestCount("auth/jwt/login")).isEqualTo(1);
    assertThat(provider.toString()).contains("jwt(mount=jwt, role=ci").doesNotContain(firstJwt);
  }

  @Test
  void eachLoginReadsTheFileAgain() throws IOException {
    vault.enableJwt("gitlab", "ci", firstJwt, TokenSpec.of(Duration.ofMinutes(10), false));
    VaultSecretProvider provider = provider("gitlab");
    assertThat(provider.getSecret("app")).isEqualTo(value);

    // The platform replaces the short-lived token; Vault now accepts only the new one.
    Files.writeString(jwtFile, rotatedJwt);
    vault.enableJwt("gitlab", "ci", rotatedJwt, TokenSpec.of(Duration.ofMinutes(10), false));
    clock.advance(Duration.ofMinutes(11));

    assertThat(provider.getSecret("app")).isEqualTo(value);
    assertThat(vault.requestCount("auth/gitlab/login")).isEqualTo(2);
  }

  @Test
  void aRefusedJwtNamesTheRoleAndFileNeverTheToken() {
    vault.enableJwt("jwt", "ci", rotatedJwt, TokenSpec.of(Duration.ofHours(1), false));

    assertFailsWith(Reason.ACCESS_DENIED, () -> provider("jwt").getSecret("app"))
        .hasMessageContaining("Vault refused the login at auth/jwt (HTTP 400")
        .hasMessageContaining("error validating token")
        .hasMessageContaining("jwt.role")
        .hasMessageContaining(jwtFile.toString())
        .hasMessageNotContaining(firstJwt);
  }

  @Test
  void aMissingOrMalformedFileIsMisconfigured() throws IOException {
    vault.enableJwt("jwt", "ci", firstJwt, TokenSpec.of(Duration.ofHours(1), false));
    Files.delete(jwtFile);
    assertFailsWith(Reason.MISCONFIGURED, () -> provider("jwt").getSecret("app"))
        .hasMessageContaining("the JWT file " + jwtFile + " cannot be read");

    Files.writeString(jwtFile, firstJwt + "\n# refreshed by the sidecar\n");
    assertFailsWith(Reason.MISCONFIGURED, () -> provider("jwt").getSecret("app"))
        .hasMessageContaining("line break")
        .hasMessageNotContaining(firstJwt);
  }

  @Test
  void configuredWithKeys() {
    vault.enableJwt("oidc-ci", "deploy", firstJwt, TokenSpec.of(Duration.ofHours(1), false));
    VaultProviderFactory factory = new VaultProviderFactory(new VaultEnvironment(Map.of(), null));
    SecretProvider provider =
        factory.create(
            ProviderSettings.of(
                "vault",
                Map.of(
                    "url", vault.url(),
                    "auth", "jwt",
                    "jwt.mount", "oidc-ci",
                    "jwt.role", "deploy",
                    "jwt.file", jwtFile.toString())));
    assertThat(provider.getSecret("app")).isEqualTo(value);
  }
}
