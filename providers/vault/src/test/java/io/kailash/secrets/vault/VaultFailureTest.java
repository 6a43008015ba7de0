package io.kailash.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.resilience.ResilientSecretProvider;
import io.kailash.secrets.vault.testing.VaultFault;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How each way Vault (or the network) can fail is reported, and which failures the one retry layer
 * (ResilientSecretProvider) retries.
 */
class VaultFailureTest extends DoubleTestBase {

  private static final String DATA_PATH = "secret/data/app/token";

  @Override
  String secretPath() {
    return "app/token";
  }

  private VaultSecretProviderBuilder builder(String url) {
    return VaultSecretProvider.builder().url(url).token(vault.rootToken()).timeSource(clock);
  }

  /** The provider under the one retry layer, with its default retries and the test clock. */
  private SecretProvider resilient(VaultSecretProvider provider) {
    return ResilientSecretProvider.builder(provider)
        .callTimeout(Duration.ZERO)
        .timeSource(clock)
        .build();
  }

  private SecretBackendException readFails(SecretProvider provider) {
    SecretBackendException e =
        catchThrowableOfType(SecretBackendException.class, () -> provider.getSecret("app/token"));
    assertThat(e.getMessage()).doesNotContain(value, vault.rootToken());
    assertThat(e.secretName()).isEqualTo("app/token");
    return e;
  }

  static Stream<Arguments> transientFaults() {
    return Stream.of(
        Arguments.of(VaultFault.throttled(), Reason.THROTTLED, "rate limit was exceeded"),
        Arguments.of(VaultFault.internalError(), Reason.SERVER_ERROR, "HTTP 500"),
        Arguments.of(VaultFault.badGateway(), Reason.SERVER_ERROR, "HTTP 502"),
        Arguments.of(VaultFault.sealed(), Reason.UNAVAILABLE, "Vault is sealed"),
        Arguments.of(VaultFault.status(503), Reason.UNAVAILABLE, "may be in standby"));
  }

  @ParameterizedTest
  @MethodSource("transientFaults")
  void transientFailuresAreRetriedByTheResilienceLayerOnlyThenReported(
      VaultFault fault, Reason reason, String message) {
    vault.failNext(DATA_PATH, 10, fault);

    SecretBackendException e = readFails(resilient(builder(vault.url()).build()));

    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.getMessage()).contains(message);
    // resilience.retry.max-attempts (3): the provider itself sends one request per attempt
    assertThat(vault.requestCount(DATA_PATH)).isEqualTo(3);
    // 100 + 200 ms, each ±20 % (a 429's Retry-After: 1 makes both pauses 1 s)
    Duration expectedMin =
        reason == Reason.THROTTLED ? Duration.ofSeconds(2) : Duration.ofMillis(240);
    Duration expectedMax =
        reason == Reason.THROTTLED ? Duration.ofSeconds(2) : Duration.ofMillis(360);
    assertThat(clock.totalSlept()).isBetween(expectedMin, expectedMax);
  }

  @ParameterizedTest
  @MethodSource("transientFaults")
  void theProviderAloneSendsOneRequest(VaultFault fault, Reason reason, String message) {
    vault.failNext(DATA_PATH, 10, fault);

    assertThat(readFails(builder(vault.url()).build()).reason()).isEqualTo(reason);
    assertThat(vault.requestCount(DATA_PATH)).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("transientFaults")
  void aTransientFailureThatPassesIsInvisible(VaultFault fault, Reason reason, String message) {
    vault.failNext(DATA_PATH, 2, fault);

    assertThat(resilient(builder(vault.url()).build()).getSecret("app/token")).isEqualTo(value);
    assertThat(vault.requestCount(DATA_PATH)).isEqualTo(3);
  }

  @Test
  void aDroppedConnectionIsUnavailableAfterRetries() {
    vault.failNext(DATA_PATH, 100, VaultFault.dropConnection());

    SecretBackendException e = readFails(resilient(builder(vault.url()).build()));

    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(e.getMessage()).contains("the connection failed");
    // The JDK client may itself send a GET once more when a connection closes unanswered.
    assertThat(vault.requestCount(DATA_PATH)).isBetween(3L, 6L);
  }

  @Test
  void permissionDeniedNamesThePathAndIsNotRetried() {
    vault.failNext(DATA_PATH, 10, VaultFault.permissionDenied());

    SecretBackendException e = readFails(builder(vault.url()).build());

    assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(e.getMessage()).contains("permission denied for path secret/data/app/token");
    assertThat(vault.requestCount(DATA_PATH)).isEqualTo(1);
  }

  @Test
  void aBadRequestQuotesVaultsErrorAndIsNotRetried() {
    vault.failNext(DATA_PATH, 10, VaultFault.status(400, "invalid version"));

    SecretBackendException e = readFails(builder(vault.url()).build());

    assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
    assertThat(e.getMessage())
        .contains("Vault rejected GET secret/data/app/token: invalid version");
    assertThat(vault.requestCount(DATA_PATH)).isEqualTo(1);
  }

  @Test
  void aClosedPortIsUnavailableAfterRetries() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SecretBackendException e = readFails(resilient(builder("http://127.0.0.1:" + port).build()));

    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(e.getMessage()).contains("connection refused", "127.0.0.1:" + port);
    assertThat(clock.totalSlept()).isPositive();
  }

  @Test
  void aServerSlowerThanTheTimeoutIsATimeout() {
    vault.failNext(DATA_PATH, 1, VaultFault.delay(Duration.ofSeconds(5)));
    VaultSecretProvider provider = builder(vault.url()).timeout(Duration.ofMillis(300)).build();

    SecretBackendException e = readFails(provider);

    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e.getMessage()).contains("no answer within 300 ms");
  }

  @Test
  void malformedJsonIsAnInvalidResponseThatDoesNotQuoteTheBody() {
    vault.failNext(DATA_PATH, 10, VaultFault.malformedJson());

    SecretBackendException e = readFails(builder(vault.url()).build());

    assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    assertThat(e.getMessage())
        .contains("is not valid JSON")
        .doesNotContain(VaultFault.MALFORMED_MARKER);
    assertThat(e.getCause()).isNull();
    assertThat(vault.requestCount(DATA_PATH)).isEqualTo(1);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void aHugeBodyIsRefusedUnread(boolean declareLength) {
    vault.failNext(DATA_PATH, 10, VaultFault.hugeBody(64L << 20, declareLength));

    SecretBackendException e = readFails(builder(vault.url()).build());

    assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    assertThat(e.getMessage()).contains("larger than 1048576 bytes");
  }

  @Test
  void everyRequestCarriesXVaultRequestSoAgentsRequiringItAnswer() {
    vault.requireRequestHeader(true);

    assertThat(builder(vault.url()).build().getSecret("app/token")).isEqualTo(value);
    assertThat(vault.requests()).isNotEmpty().allMatch(request -> request.vaultRequestHeader());
  }

  @Test
  void aRedirectIsNotFollowedAndNamesTheTarget() {
    vault.failNext(DATA_PATH, 1, VaultFault.status(307));

    SecretBackendException e = readFails(builder(vault.url()).build());

    assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED);
    assertThat(e.getMessage()).contains("Vault redirected GET secret/data/app/token (HTTP 307)");
  }

  @Test
  void aMissingRequestHeaderIsReportedAsAProxyProblem() {
    vault.failNext(DATA_PATH, 1, VaultFault.status(412, "missing \"X-Vault-Request\" header"));

    SecretBackendException e = readFails(builder(vault.url()).build());

    assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED);
    assertThat(e.getMessage()).contains("drops the X-Vault-Request header");
  }
}
