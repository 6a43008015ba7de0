package io.kailash.secrets.vault;

import static io.kailash.secrets.vault.BackendFailures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.vault.testing.RecordedRequest;
import io.kailash.secrets.vault.testing.TokenSpec;
import io.kailash.secrets.vault.testing.VaultFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AppRole and Kubernetes login, token renewal at two thirds of the lease, and re-login. */
class VaultAuthTest extends DoubleTestBase {

  private static final String LOGIN = "auth/approle/login";
  private static final String RENEW = "auth/token/renew-self";

  private final String roleId = "role-" + UUID.randomUUID();
  private final String secretId = "sid-" + UUID.randomUUID();
  private final String jwt = "jwt-" + UUID.randomUUID();

  @Override
  String secretPath() {
    return "app";
  }

  @BeforeEach
  void credentialsAreNeverLogged() {
    neverLogged.addAll(List.of(roleId, secretId, jwt));
  }

  private VaultSecretProvider provider(VaultAuth auth) {
    return VaultSecretProvider.builder().url(vault.url()).auth(auth).timeSource(clock).build();
  }

  private VaultSecretProvider appRole(Duration ttl, boolean renewable) {
    vault.enableAppRole(roleId, secretId, ttl, renewable);
    return provider(VaultAuth.appRole(roleId, secretId));
  }

  private void readAfter(VaultSecretProvider provider, Duration wait) {
    clock.advance(wait);
    assertThat(provider.getSecret("app")).isEqualTo(value);
  }

  @Test
  void appRoleLogsInOnceAndUsesItsToken() {
    VaultSecretProvider provider = appRole(Duration.ofHours(1), true);
    readAfter(provider, Duration.ZERO);
    readAfter(provider, Duration.ofMinutes(1));

    List<RecordedRequest> requests = vault.requests();
    assertThat(requests.get(0).path()).isEqualTo(LOGIN);
    assertThat(requests.get(0).tokenAccessor()).isNull();
    String accessor = requests.get(1).tokenAccessor();
    assertThat(accessor).isNotNull().isNotEqualTo(vault.accessorOf(vault.rootToken()));
    assertThat(requests.subList(1, requests.size()))
        .allMatch(request -> accessor.equals(request.tokenAccessor()));
    assertThat(vault.requestCount(LOGIN)).isEqualTo(1);
  }

  @Test
  void appRoleAtAnotherMountPath() {
    vault.enableAppRole("ci-approle", roleId, secretId, TokenSpec.of(Duration.ofHours(1), true));
    readAfter(provider(VaultAuth.appRole("ci-approle", roleId, secretId)), Duration.ZERO);
    assertThat(vault.requestCount("auth/ci-approle/login")).isEqualTo(1);
  }

  @Test
  void aWrongSecretIdIsAccessDeniedWithoutShowingCredentials() {
    vault.enableAppRole(roleId, "another-secret-id", Duration.ofHours(1), true);
    VaultSecretProvider provider = provider(VaultAuth.appRole(roleId, secretId));

    assertFailsWith(Reason.ACCESS_DENIED, () -> provider.getSecret("app"))
        .hasMessageContaining("Vault refused the login at auth/approle (HTTP 400: invalid role or")
        .hasMessageNotContaining(secretId)
        .hasMessageNotContaining(roleId);
    assertThat(provider.toString()).doesNotContain(secretId, roleId);
  }

  @Test
  void anAbsentAuthMountIsMisconfigured() {
    VaultSecretProvider provider = provider(VaultAuth.appRole(roleId, secretId));
    assertFailsWith(Reason.MISCONFIGURED, () -> provider.getSecret("app"))
        .hasMessageContaining("auth/approle/login");
  }

  @Test
  void kubernetesLogsInWithTheServiceAccountJwt(@TempDir Path dir) throws IOException {
    Path jwtFile = Files.writeString(dir.resolve("token"), jwt + "\n");
    vault.enableKubernetes("payments", jwt, Duration.ofHours(1), true);

    readAfter(provider(VaultAuth.kubernetes("kubernetes", "payments", jwtFile)), Duration.ZERO);
    assertThat(vault.requestCount("auth/kubernetes/login")).isEqualTo(1);
  }

  @Test
  void kubernetesWithARejectedJwtIsAccessDenied(@TempDir Path dir) throws IOException {
    Path jwtFile = Files.writeString(dir.resolve("token"), jwt);
    vault.enableKubernetes("payments", "another-jwt", Duration.ofHours(1), true);

    assertFailsWith(
            Reason.ACCESS_DENIED,
            () ->
                provider(VaultAuth.kubernetes("kubernetes", "payments", jwtFile)).getSecret("app"))
        .hasMessageContaining("HTTP 403: 1 error occurred: * permission denied")
        .hasMessageNotContaining(jwt);
  }

  @Test
  void kubernetesWithoutTheJwtFileIsMisconfigured(@TempDir Path dir) {
    Path missing = dir.resolve("no-token");
    vault.enableKubernetes("payments", jwt, Duration.ofHours(1), true);

    assertFailsWith(
            Reason.MISCONFIGURED,
            () ->
                provider(VaultAuth.kubernetes("kubernetes", "payments", missing)).getSecret("app"))
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("kubernetes.jwt-path");
    assertThat(vault.requestCount()).isZero();
  }

  @Test
  void renewsAtTwoThirdsOfTheLease() {
    VaultSecretProvider provider = appRole(Duration.ofSeconds(60), true);
    readAfter(provider, Duration.ZERO);
    readAfter(provider, Duration.ofSeconds(39));
    assertThat(vault.requestCount(RENEW)).isZero();

    readAfter(provider, Duration.ofSeconds(2));
    assertThat(vault.requestCount(RENEW)).isEqualTo(1);
    // the renewed lease runs from the renewal; the token outlives its first 60 s
    readAfter(provider, Duration.ofSeconds(39));
    readAfter(provider, Duration.ofSeconds(2));
    assertThat(vault.requestCount(RENEW)).isEqualTo(2);
    assertThat(vault.requestCount(LOGIN)).isEqualTo(1);
  }

  @Test
  void aNonRenewableTokenIsReplacedByANewLogin() {
    VaultSecretProvider provider = appRole(Duration.ofSeconds(60), false);
    readAfter(provider, Duration.ZERO);
    readAfter(provider, Duration.ofSeconds(41));

    assertThat(vault.requestCount(RENEW)).isZero();
    assertThat(vault.requestCount(LOGIN)).isEqualTo(2);
  }

  @Test
  void aRefusedRenewalLeadsToANewLogin() {
    VaultSecretProvider provider = appRole(Duration.ofSeconds(60), true);
    readAfter(provider, Duration.ZERO);
    vault.failNext(RENEW, 1, VaultFault.permissionDenied());
    readAfter(provider, Duration.ofSeconds(41));

    assertThat(vault.requestCount(RENEW)).isEqualTo(1);
    assertThat(vault.requestCount(LOGIN)).isEqualTo(2);
  }

  @Test
  void aTransientRenewalFailureKeepsTheTokenWhileItLasts() {
    VaultSecretProvider provider = appRole(Duration.ofSeconds(60), true);
    readAfter(provider, Duration.ZERO);
    vault.failNext(RENEW, 1, VaultFault.internalError());
    readAfter(provider, Duration.ofSeconds(41));
    assertThat(vault.requestCount(LOGIN)).isEqualTo(1);

    readAfter(provider, Duration.ofSeconds(1));
    assertThat(vault.requestCount(RENEW)).isEqualTo(2);
    assertThat(vault.requestCount(LOGIN)).isEqualTo(1);
  }

  @Test
  void aRenewalCappedByTheMaxTtlLeadsToANewLoginInsteadOfAnotherRenewal() {
    vault.enableAppRole(
        "approle",
        roleId,
        secretId,
        TokenSpec.of(Duration.ofSeconds(60), true).withMaxTtl(Duration.ofSeconds(90)));
    VaultSecretProvider provider = provider(VaultAuth.appRole(roleId, secretId));
    readAfter(provider, Duration.ZERO);
    readAfter(provider, Duration.ofSeconds(41)); // renewed, capped to 49 s
    assertThat(vault.requestCount(RENEW)).isEqualTo(1);

    readAfter(provider, Duration.ofSeconds(33)); // 2/3 of 49 s passed
    assertThat(vault.requestCount(RENEW)).isEqualTo(1);
    assertThat(vault.requestCount(LOGIN)).isEqualTo(2);
  }

  @Test
  void anExpiredTokenIsReplacedWithoutTryingToRenewIt() {
    VaultSecretProvider provider = appRole(Duration.ofSeconds(60), true);
    readAfter(provider, Duration.ZERO);
    readAfter(provider, Duration.ofMinutes(5));

    assertThat(vault.requestCount(RENEW)).isZero();
    assertThat(vault.requestCount(LOGIN)).isEqualTo(2);
  }

  @Test
  void aRevokedLoginTokenIsReplacedOnce() {
    VaultSecretProvider provider = appRole(Duration.ofHours(1), true);
    readAfter(provider, Duration.ZERO);
    vault.revokeByAccessor(vault.requests().get(vault.requestCount() - 1).tokenAccessor());

    readAfter(provider, Duration.ZERO);
    assertThat(vault.requestCount(LOGIN)).isEqualTo(2);
  }

  @Test
  void aRevokedStaticTokenIsAccessDeniedWithoutTheToken() {
    String token = vault.createToken(TokenSpec.of(Duration.ZERO, false));
    VaultSecretProvider provider = provider(VaultAuth.token(token));
    readAfter(provider, Duration.ZERO);
    vault.revokeToken(token);

    assertFailsWith(Reason.ACCESS_DENIED, () -> provider.getSecret("app"))
        .hasMessageContaining("permission denied for path secret/data/app")
        .hasMessageNotContaining(token);
    assertThat(vault.requestCount("secret/data/app")).isEqualTo(2);
    assertThat(provider.toString()).doesNotContain(token);
  }

  @Test
  void aStaticTokenIsNeverRenewed() {
    VaultSecretProvider provider = provider(VaultAuth.token(vault.rootToken()));
    readAfter(provider, Duration.ZERO);
    readAfter(provider, Duration.ofDays(40));
    assertThat(vault.requestCount(RENEW)).isZero();
  }

  @Test
  void aPolicyThatDeniesThePathIsAccessDeniedEvenAfterANewLogin() {
    vault.enableAppRole(
        "approle",
        roleId,
        secretId,
        TokenSpec.of(Duration.ofHours(1), true).withAllowedPaths("secret/data/other/"));
    VaultSecretProvider provider = provider(VaultAuth.appRole(roleId, secretId));

    assertFailsWith(Reason.ACCESS_DENIED, () -> provider.getSecret("app"));
    assertThat(vault.requestCount("secret/data/app")).isEqualTo(2);
    assertThat(vault.requestCount(LOGIN)).isEqualTo(2);
  }
}
