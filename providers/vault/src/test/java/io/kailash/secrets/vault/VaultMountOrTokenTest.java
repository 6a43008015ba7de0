package io.kailash.secrets.vault;

import static io.kailash.secrets.vault.BackendFailures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.vault.testing.TokenSpec;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wrong token and a wrong KV mount both get 403 from the KV version detection; the messages tell
 * them apart.
 */
class VaultMountOrTokenTest {

  private VaultApiDouble vault;

  @BeforeEach
  void start() {
    vault = VaultApiDouble.start();
    vault.putKv2("secret", "app", Map.of("value", "v"));
  }

  @AfterEach
  void stop() {
    vault.close();
  }

  private VaultSecretProvider provider(String token, String mount) {
    return VaultSecretProvider.builder().url(vault.url()).token(token).mount(mount).build();
  }

  @Test
  void aRevokedTokenIsReportedAsNotValidNotAsAMountProblem() {
    String token = vault.createToken(TokenSpec.of(Duration.ofHours(1), true));
    vault.revokeToken(token);

    assertFailsWith(Reason.ACCESS_DENIED, () -> provider(token, "secret").getSecret("app"))
        .hasMessageContaining("the token is not valid (expired or revoked)")
        .hasMessageNotContaining("KV mount")
        .hasMessageNotContaining("kv-version")
        .hasMessageNotContaining(token);
    assertThat(vault.requestCount("auth/token/lookup-self")).isEqualTo(1);
    assertThat(vault.requestCount("secret/data/app")).isZero();
  }

  @Test
  void aMountThatDoesNotExistIsNamedWithARootToken() {
    assertFailsWith(
            Reason.MISCONFIGURED, () -> provider(vault.rootToken(), "scret").getSecret("app"))
        .hasMessageContaining("no KV mount at 'scret'")
        .hasMessageContaining("Set mount to an existing KV secrets engine")
        .hasMessageNotContaining("not valid");
  }

  @Test
  void aMountALimitedTokenCannotUseNamesBothPossibleCauses() {
    String token =
        vault.createToken(
            TokenSpec.of(Duration.ofHours(1), true).withAllowedPaths("secret/data/app"));

    assertThat(provider(token, "secret").getSecret("app")).isEqualTo("v");
    assertFailsWith(Reason.MISCONFIGURED, () -> provider(token, "other").getSecret("app"))
        .hasMessageContaining("no KV mount at 'other' that this token may use")
        .hasMessageContaining("grant the token a capability under the mount")
        .hasMessageContaining("set kv-version to 1 or 2")
        .hasMessageNotContaining("not valid");
  }
}
