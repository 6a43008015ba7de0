package io.kailash.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.testing.LeakProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Answers AWS's wire protocol could not produce but a proxy or a wrong endpoint can: the text of
 * such an answer (which may be a value) never reaches a message, and the call is not retried.
 */
class AwsUntrustedAnswerTest {

  private static final String MARKER = "leakmarker-7d41c2";
  private static final String SECRET_KEY = "secret-key-do-not-print-93b1";

  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private AwsSecretsManagerProvider answering(int status, String contentType, String body)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return AwsSecretsManagerProvider.builder()
        .region("us-east-1")
        .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .credentials(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", SECRET_KEY)))
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  @Test
  void aNonJsonOkAnswerIsAnInvalidResponseNotRetriedAndNotQuoted() throws IOException {
    AwsSecretsManagerProvider provider =
        answering(200, "application/x-amz-json-1.1", MARKER + " is not json");

    SecretBackendException e =
        LeakProbe.backendFailureWithout(
            () -> provider.getSecret("payments/token"), MARKER, SECRET_KEY);
    assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("not the JSON it should be");
    assertThat(requests).as("the SDK must not retry an unreadable answer").hasValue(1);
  }

  @Test
  void aSecretKeyWithALineBreakIsRefusedWithoutShowingItAndNothingIsSent() throws IOException {
    answering(200, "application/x-amz-json-1.1", "{}").close();
    AwsSecretsManagerProvider provider =
        AwsSecretsManagerProvider.builder()
            .region("us-east-1")
            .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .credentials(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDLOCAL", SECRET_KEY + "\n# old key")))
            .build();

    SecretBackendException e =
        LeakProbe.backendFailureWithout(
            () -> provider.getSecret("payments/token"), SECRET_KEY, "old key");
    assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED);
    assertThat(e.getMessage())
        .contains("The AWS secret access key is not usable: it has a line break");
    assertThat(requests).hasValue(0);
  }

  @Test
  void anErrorMessageFromTheServiceIsSanitizedAndCapped() throws IOException {
    String forged = "Denied\n[main] INFO forged log line\u202e " + "x".repeat(500);
    AwsSecretsManagerProvider provider =
        answering(
            400,
            "application/x-amz-json-1.1",
            "{\"__type\":\"ValidationException\",\"message\":\""
                + forged.replace("\n", "\\n")
                + "\"}");

    assertThatThrownBy(() -> provider.getSecret("payments/token"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("Denied [main] INFO forged log line")
                  .doesNotContain("\n")
                  .doesNotContain("\u202e")
                  .doesNotContain("x".repeat(201));
            });
  }
}
