package io.kailash.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretRef;
import io.kailash.testing.LeakProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * AWS answers are matched to what was asked by ARN before name, and an answer for something not
 * asked is refused. Uses a client double following BatchGetSecretValue's documented answer shape,
 * since moto cannot serve two accounts.
 */
class AwsAnswerMatchingTest {

  private static final String LOCAL_ARN =
      "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-Ab12Cd";
  private static final String OTHER_ACCOUNT =
      "arn:aws:secretsmanager:eu-west-1:222222222222:secret:db";
  private static final String OTHER_ARN = OTHER_ACCOUNT + "-Zz98Yy";

  private static SecretValueEntry entry(String arn, String name, String value) {
    return SecretValueEntry.builder().arn(arn).name(name).secretString(value).build();
  }

  /** Answers every batch with {@code entries}, and single reads with {@code single}. */
  private static AwsSecretsManagerProvider answering(
      List<SecretValueEntry> entries, GetSecretValueResponse single) {
    SecretsManagerClient client =
        new SecretsManagerClient() {
          @Override
          public BatchGetSecretValueResponse batchGetSecretValue(BatchGetSecretValueRequest r) {
            return BatchGetSecretValueResponse.builder().secretValues(entries).build();
          }

          @Override
          public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            return single;
          }

          @Override
          public String serviceName() {
            return "secretsmanager";
          }

          @Override
          public void close() {}
        };
    return AwsSecretsManagerProvider.builder().client(client).build();
  }

  @Test
  void aCrossAccountEntryWithTheSameNameNeverFillsTheLocalName() {
    AwsSecretsManagerProvider provider =
        answering(
            List.of(entry(OTHER_ARN, "db", "other-account"), entry(LOCAL_ARN, "db", "local")),
            null);

    Map<SecretRef, String> values =
        provider.getSecretValues(
            List.of(SecretRef.current("db"), SecretRef.current(OTHER_ACCOUNT)));

    assertThat(values)
        .containsEntry(SecretRef.current("db"), "local")
        .containsEntry(SecretRef.current(OTHER_ACCOUNT), "other-account");
  }

  @Test
  void aBatchEntryForSomethingNotAskedIsAnInvalidResponseAndItsValueIsNotShown() {
    AwsSecretsManagerProvider provider =
        answering(
            List.of(
                entry(
                    "arn:aws:secretsmanager:eu-west-1:111111111111:secret:other-Qq11Ww",
                    "other",
                    "unasked-value-6c2f")),
            null);

    SecretBackendException e =
        LeakProbe.backendFailureWithout(
            () -> provider.getSecretValues(List.of(SecretRef.current("db"))), "unasked-value-6c2f");
    assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE);
  }

  @Test
  void aSingleReadAnsweredForAnotherSecretIsAnInvalidResponse() {
    AwsSecretsManagerProvider provider =
        answering(
            List.of(),
            GetSecretValueResponse.builder()
                .arn(OTHER_ARN)
                .name("not-db")
                .secretString("wrong-value-1d7e")
                .build());

    SecretBackendException e =
        LeakProbe.backendFailureWithout(() -> provider.getSecret("db"), "wrong-value-1d7e");
    assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE);
  }
}
