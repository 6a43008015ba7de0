package io.kailash.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * getSecretValues and getSecrets: BatchGetSecretValue against moto (which implements it), and the
 * single-read fallback when the batch call is refused (injected, since moto always allows it).
 */
class AwsBatchReadTest extends MotoBackedTest {

  private CountingSecretsManagerClient counting;

  @Override
  protected AwsProviderBuilder configure(AwsProviderBuilder builder) {
    counting = new CountingSecretsManagerClient(admin);
    return builder.client(counting);
  }

  @Test
  void thirtyCurrentSecretsTakeTwoBatchCallsAndNoSingleReads() {
    List<SecretRef> refs = createSecrets(30);

    Map<SecretRef, String> values = provider.getSecretValues(refs);

    assertThat(values).hasSize(30).containsEntry(SecretRef.current("batch/s17"), "value-17");
    assertThat(counting.batches.get()).isEqualTo(2);
    assertThat(counting.gets.get()).isZero();
    assertThat(counting.batchRequests)
        .extracting(request -> request.secretIdList().size())
        .containsExactly(20, 10);
  }

  @Test
  void fieldsOfOneSecretAreFetchedOnce() {
    admin.createSecret(r -> r.name("db").secretString("{\"user\":\"app\",\"password\":\"pw\"}"));

    Map<SecretRef, String> values =
        provider.getSecretValues(
            List.of(SecretRef.current("db#user"), SecretRef.current("db#password")));

    assertThat(values)
        .containsEntry(SecretRef.current("db#user"), "app")
        .containsEntry(SecretRef.current("db#password"), "pw");
    assertThat(counting.batchRequests)
        .singleElement()
        .satisfies(request -> assertThat(request.secretIdList()).containsExactly("db"));
  }

  @Test
  void versionedRefsAreReadSinglyOncePerSecretAndVersion() {
    admin.createSecret(r -> r.name("db").secretString("{\"user\":\"old\",\"password\":\"pw1\"}"));
    admin.putSecretValue(
        r -> r.secretId("db").secretString("{\"user\":\"new\",\"password\":\"pw2\"}"));

    Map<SecretRef, String> values =
        provider.getSecretValues(
            List.of(
                new SecretRef("db#user", "AWSPREVIOUS"),
                new SecretRef("db#password", "AWSPREVIOUS"),
                SecretRef.current("db#password")));

    assertThat(values)
        .containsEntry(new SecretRef("db#user", "AWSPREVIOUS"), "old")
        .containsEntry(new SecretRef("db#password", "AWSPREVIOUS"), "pw1")
        .containsEntry(SecretRef.current("db#password"), "pw2");
    assertThat(counting.gets.get()).isEqualTo(1);
    assertThat(counting.batches.get()).isEqualTo(1);
  }

  @Test
  void getSecretsReportsEveryMissingRequiredSecretAtOnceAndSkipsMissingOptionalOnes() {
    admin.createSecret(r -> r.name("present").secretString("p"));
    admin.createSecret(r -> r.name("json").secretString("{\"a\":\"1\"}"));
    List<SecretRequest> requests =
        List.of(
            SecretRequest.required("present", "present"),
            SecretRequest.required("absent-1", "absent1"),
            SecretRequest.optional("absent-optional", "optional"),
            SecretRequest.required("json#no-such-field", "field"),
            SecretRequest.required("absent-2", "absent2"));

    assertThatThrownBy(() -> provider.getSecrets(requests))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e ->
                assertThat(e.missing())
                    .containsExactly(
                        SecretRef.current("absent-1"),
                        SecretRef.current("json#no-such-field"),
                        SecretRef.current("absent-2")));
    assertThat(counting.batches.get()).isEqualTo(1);
    assertThat(counting.gets.get()).isZero();
  }

  @Test
  void getSecretsFillsParametersAndSkipsMissingOptionalSecrets() {
    admin.createSecret(r -> r.name("present").secretString("p"));

    Map<String, String> parameters =
        provider.getSecrets(
            List.of(
                SecretRequest.required("present", "token"),
                SecretRequest.optional("absent", "extra")));

    assertThat(parameters).containsExactly(Map.entry("token", "p"));
  }

  @Test
  void aSecretScheduledForDeletionIsAbsentInABatch() {
    admin.createSecret(r -> r.name("kept").secretString("k"));
    admin.createSecret(r -> r.name("deleted").secretString("d"));
    admin.deleteSecret(r -> r.secretId("deleted").recoveryWindowInDays(7L));

    Map<SecretRef, String> values =
        provider.getSecretValues(List.of(SecretRef.current("kept"), SecretRef.current("deleted")));

    assertThat(values).containsOnlyKeys(SecretRef.current("kept"));
  }

  @Test
  void fallsBackToSingleReadsWhenBatchIsDeniedAndRemembersIt_injected() {
    List<SecretRef> refs = createSecrets(3);
    counting.failBatchWith(serviceError("AccessDeniedException", 400));

    Map<SecretRef, String> first = provider.getSecretValues(refs);
    Map<SecretRef, String> second =
        provider.getSecretValues(
            List.of(SecretRef.current("batch/s1"), SecretRef.current("absent")));

    assertThat(first).hasSize(3).containsEntry(SecretRef.current("batch/s2"), "value-2");
    assertThat(second).containsOnlyKeys(SecretRef.current("batch/s1"));
    assertThat(counting.batches.get()).isEqualTo(1);
    assertThat(counting.gets.get()).isEqualTo(5);
  }

  @Test
  void fallsBackToSingleReadsWhenTheBatchOperationIsUnsupported_injected() {
    List<SecretRef> refs = createSecrets(2);
    counting.failBatchWith(serviceError("UnknownOperationException", 400));

    assertThat(provider.getSecretValues(refs)).hasSize(2);
    assertThat(counting.gets.get()).isEqualTo(2);
  }

  @Test
  void aThrottledBatchFailsAsThrottledWithoutFallingBack_injected() {
    List<SecretRef> refs = createSecrets(2);
    counting.failBatchWith(serviceError("ThrottlingException", 400));

    assertThatThrownBy(() -> provider.getSecretValues(refs))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.THROTTLED));
    assertThat(counting.gets.get()).isZero();
  }

  private List<SecretRef> createSecrets(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i -> {
              admin.createSecret(r -> r.name("batch/s" + i).secretString("value-" + i));
              return SecretRef.current("batch/s" + i);
            })
        .toList();
  }

  static AwsServiceException serviceError(String code, int status) {
    return SecretsManagerException.builder()
        .statusCode(status)
        .message(code + " (injected)")
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage("injected " + code)
                .serviceName("SecretsManager")
                .build())
        .build();
  }
}
