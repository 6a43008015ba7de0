package io.kailash.secrets.aws;

import static io.kailash.secrets.aws.AwsBatchReadTest.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.aws.testing.MotoClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;

/**
 * Failures and their reasons. Network failures are real (a closed port, a server that never
 * answers); service errors moto cannot produce are injected as the SDK's own exception types.
 */
class AwsErrorMappingTest {

  @Test
  void accessDeniedIsAccessDenied_injected() {
    SecretBackendException e = failureOf(serviceError("AccessDeniedException", 400));

    assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(e.secretName()).isEqualTo("payments/token");
    assertThat(e.getMessage()).contains("secretsmanager:GetSecretValue");
  }

  @Test
  void aPlain403IsAccessDenied_injected() {
    assertThat(failureOf(serviceError("", 403)).reason()).isEqualTo(Reason.ACCESS_DENIED);
  }

  @Test
  void aKmsDecryptionFailureIsAccessDeniedAndNamesKmsDecrypt_injected() {
    SecretBackendException e =
        failureOf(
            DecryptionFailureException.builder()
                .statusCode(400)
                .awsErrorDetails(details("DecryptionFailure"))
                .build());

    assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(e.getMessage()).contains("kms:Decrypt");
  }

  @Test
  void throttlingIsThrottledAndTransient_injected() {
    SecretBackendException e = failureOf(serviceError("ThrottlingException", 400));

    assertThat(e.reason()).isEqualTo(Reason.THROTTLED);
    assertThat(e.isTransient()).isTrue();
  }

  @Test
  void aServiceFailureIsServerError_injected() {
    SecretBackendException e =
        failureOf(
            InternalServiceErrorException.builder()
                .statusCode(500)
                .awsErrorDetails(details("InternalServiceError"))
                .build());

    assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
  }

  @Test
  void rejectedCredentialsAreMisconfigured_injected() {
    assertThat(failureOf(serviceError("UnrecognizedClientException", 400)).reason())
        .isEqualTo(Reason.MISCONFIGURED);
  }

  @Test
  void anAttemptTimeoutIsTimeout_injected() {
    assertThat(failureOf(ApiCallAttemptTimeoutException.create(100)).reason())
        .isEqualTo(Reason.TIMEOUT);
  }

  @Test
  void aClosedPortIsUnavailable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    AwsSecretsManagerProvider provider = providerAt(URI.create("http://127.0.0.1:" + port)).build();

    assertThatThrownBy(() -> provider.getSecret("payments/token"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.secretName()).isEqualTo("payments/token");
            });
  }

  @Test
  void aServerThatNeverAnswersIsTimeout() throws IOException {
    // Connections complete in the kernel's backlog, but nothing ever reads or answers them.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AwsSecretsManagerProvider provider =
          providerAt(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
              .timeout(Duration.ofMillis(400))
              .build();

      assertThatThrownBy(() -> provider.getSecret("payments/token"))
          .isInstanceOfSatisfying(
              SecretBackendException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }
  }

  @Test
  void noRegionAnywhereIsMisconfigured(@TempDir Path dir) throws IOException {
    assumeThat(System.getenv("AWS_REGION")).isNull();
    assumeThat(System.getenv("AWS_DEFAULT_REGION")).isNull();
    Path empty = Files.createFile(dir.resolve("config"));
    withSystemProperties(
        Map.of("aws.configFile", empty.toString(), "aws.disableEc2Metadata", "true"),
        () -> {
          AwsSecretsManagerProvider provider =
              AwsSecretsManagerProvider.builder()
                  .credentials(MotoClients.FAKE_CREDENTIALS)
                  .endpoint(URI.create("http://127.0.0.1:9"))
                  .build();
          assertThatThrownBy(() -> provider.getSecret("payments/token"))
              .isInstanceOfSatisfying(
                  SecretBackendException.class,
                  e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED);
                    assertThat(e.getMessage()).contains("aws.region");
                  });
        });
  }

  @Test
  void anUnknownProfileWithoutCredentialsIsMisconfigured(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("credentials"));
    withSystemProperties(
        Map.of(
            "aws.configFile", empty.toString(),
            "aws.sharedCredentialsFile", empty.toString(),
            "aws.disableEc2Metadata", "true"),
        () -> {
          AwsSecretsManagerProvider provider =
              AwsSecretsManagerProvider.builder()
                  .region("us-east-1")
                  .profile("no-such-profile")
                  .endpoint(URI.create("http://127.0.0.1:9"))
                  .build();
          assertThatThrownBy(() -> provider.getSecret("payments/token"))
              .isInstanceOfSatisfying(
                  SecretBackendException.class,
                  e -> assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED));
        });
  }

  private static SecretBackendException failureOf(RuntimeException injected) {
    CountingSecretsManagerClient client =
        new CountingSecretsManagerClient(null).failGetWith(injected);
    AwsSecretsManagerProvider provider = AwsSecretsManagerProvider.builder().client(client).build();
    try {
      provider.getSecret("payments/token");
    } catch (SecretBackendException e) {
      assertThat(e.getCause())
          .isInstanceOf(io.kailash.secrets.internal.RedactedFailure.class)
          .hasMessageStartingWith(injected.getClass().getName())
          .hasMessageNotContaining(String.valueOf(injected.getMessage()));
      assertThat(e.getCause().getStackTrace()).isEqualTo(injected.getStackTrace());
      return e;
    }
    throw new AssertionError("expected a SecretBackendException");
  }

  private static AwsProviderBuilder providerAt(URI endpoint) {
    return AwsSecretsManagerProvider.builder()
        .region(MotoClients.REGION)
        .credentials(MotoClients.FAKE_CREDENTIALS)
        .endpoint(endpoint);
  }

  private static AwsErrorDetails details(String code) {
    return AwsErrorDetails.builder().errorCode(code).errorMessage("injected").build();
  }

  private static void withSystemProperties(Map<String, String> properties, Runnable body) {
    Map<String, String> previous = new HashMap<>();
    properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
    try {
      body.run();
    } finally {
      previous.forEach(
          (key, value) -> {
            if (value == null) {
              System.clearProperty(key);
            } else {
              System.setProperty(key, value);
            }
          });
    }
  }
}
