package io.kailash.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretProviderException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.aws.testing.MotoClients;
import io.kailash.secrets.aws.testing.MotoServer;
import io.kailash.secrets.aws.testing.MotoServerExtension;
import io.kailash.testing.StderrCapture;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Runs successful and failing reads over secrets whose values carry a marker, and checks that the
 * marker shows up in no log line (the provider logs at debug in tests) and no exception message,
 * cause or toString.
 */
@ExtendWith(MotoServerExtension.class)
class AwsNoValueLeakTest {

  private static final String MARKER = "LEAKMARKER";
  private static final byte[] BINARY =
      (MARKER + "-binary").getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final List<Throwable> failures = new ArrayList<>();
  private final List<Object> results = new ArrayList<>();

  @Test
  void noValueInLogsOrExceptions(MotoServer moto) {
    moto.reset();
    String logs;
    try (SecretsManagerClient admin = MotoClients.secretsManager(moto);
        AwsSecretsManagerProvider provider = MotoClients.provider(moto).build();
        StderrCapture capture = new StderrCapture()) {
      admin.createSecret(r -> r.name("leak/plain").secretString(MARKER + "-plain{not json"));
      admin.createSecret(
          r ->
              r.name("leak/json")
                  .secretString("{\"user\":\"" + MARKER + "-user\",\"pw\":\"" + MARKER + "-pw\"}"));
      admin.createSecret(r -> r.name("leak/binary").secretBinary(SdkBytes.fromByteArray(BINARY)));
      admin.putSecretValue(r -> r.secretId("leak/plain").secretString(MARKER + "-rotated"));

      attempt(() -> provider.getSecret("leak/plain"));
      attempt(() -> provider.getSecret("leak/plain", "AWSPREVIOUS"));
      attempt(() -> provider.getSecret("leak/plain", "AWSPREVIOUS").length());
      attempt(() -> provider.getSecret("leak/plain#field"));
      attempt(() -> provider.getSecret("leak/json#missing"));
      attempt(() -> provider.getSecret("leak/binary#field"));
      attempt(() -> provider.getSecret("leak/json", "NO-SUCH-STAGE"));
      attempt(
          () ->
              provider.getSecretValues(
                  List.of(
                      SecretRef.current("leak/json#user"),
                      SecretRef.current("leak/binary"),
                      new SecretRef("leak/plain", "AWSPREVIOUS"))));
      attempt(
          () ->
              provider.getSecrets(
                  List.of(
                      SecretRequest.required("leak/json#pw", "pw"),
                      SecretRequest.required("leak/json#absent", "absent"),
                      SecretRequest.required("leak/missing", "missing"))));
      attempt(() -> provider.getSecretValues(List.of(SecretRef.current("leak/plain#x"))));
      attempt(provider::listSecrets);
      logs = capture.text();
    }

    assertThat(results).as("the reads that should succeed did").hasSizeGreaterThanOrEqualTo(5);
    assertThat(failures).as("the reads that should fail did").hasSizeGreaterThanOrEqualTo(5);
    assertThat(logs).as("captured provider log lines").contains("Reading secret leak/json");
    String base64 = Base64.getEncoder().encodeToString(BINARY);
    assertThat(logs).doesNotContain(MARKER).doesNotContain(base64);
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(MARKER).doesNotContain(base64);
        assertThat(t.toString()).doesNotContain(MARKER);
      }
    }
  }

  private void attempt(Supplier<?> read) {
    try {
      results.add(read.get());
    } catch (SecretProviderException failure) {
      failures.add(failure);
    }
  }
}
