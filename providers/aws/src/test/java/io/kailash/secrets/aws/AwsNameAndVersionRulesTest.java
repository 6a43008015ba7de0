package io.kailash.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.aws.VersionSelector.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/** Which names reach AWS, and how versions become a VersionId or a VersionStage. */
class AwsNameAndVersionRulesTest {

  private final CountingSecretsManagerClient client = new CountingSecretsManagerClient(null);
  private final AwsSecretsManagerProvider provider =
      AwsSecretsManagerProvider.builder().client(client).build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "../etc/passwd",
        "a/../b",
        "/absolute",
        "db#",
        "db#a#b",
        "with space",
        "colon:name",
        "star*",
        "tab\tname",
        "arn:aws:s3:::bucket/key"
      })
  void invalidNamesAreRejectedBeforeAnyCall(String name) {
    assertThatThrownBy(() -> provider.getSecret(name))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
    assertThatThrownBy(
            () ->
                provider.getSecretValues(
                    List.of(SecretRef.current("fine"), SecretRef.current(name))))
        .isInstanceOf(SecretBackendException.class);
    assertThat(client.calls()).isZero();
  }

  @Test
  void aTooLongNameIsRejected() {
    assertThatThrownBy(() -> AwsSecretId.parse("n".repeat(513), "aws"))
        .hasMessageContaining("longer than 512");
  }

  @Test
  void invalidVersionsAreRejectedBeforeAnyCall() {
    for (String version : List.of("id:too-short", "stage:", "x".repeat(257), "AWS\nCURRENT")) {
      assertThatThrownBy(() -> provider.getSecret("fine", version))
          .isInstanceOfSatisfying(
              SecretBackendException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
    }
    assertThat(client.calls()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "prod/db-creds#password, prod/db-creds, password",
    "a+b=c.d@e_f-g, a+b=c.d@e_f-g, ''",
    "arn:aws:secretsmanager:eu-west-1:123456789012:secret:/prod/db-AbCdEf#user,"
        + " arn:aws:secretsmanager:eu-west-1:123456789012:secret:/prod/db-AbCdEf, user",
    "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:x,"
        + " arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:x, ''"
  })
  void splitsTheSecretIdFromTheField(String name, String secretId, String field) {
    assertThat(AwsSecretId.parse(name, "aws")).isEqualTo(new AwsSecretId(secretId, field));
  }

  @ParameterizedTest
  @CsvSource({
    "'', CURRENT, ''",
    "AWSCURRENT, VERSION_STAGE, AWSCURRENT",
    "AWSPREVIOUS, VERSION_STAGE, AWSPREVIOUS",
    "my-custom-label, VERSION_STAGE, my-custom-label",
    "3f2504e0-4f89-11d3-9a0c-0305e82c3301, VERSION_ID, 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    "3F2504E0-4F89-11D3-9A0C-0305E82C3301, VERSION_ID, 3F2504E0-4F89-11D3-9A0C-0305E82C3301",
    "stage:3f2504e0-4f89-11d3-9a0c-0305e82c3301, VERSION_STAGE, 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    "id:release-2024-06-01-build-0000000042, VERSION_ID, release-2024-06-01-build-0000000042",
    "3f2504e0-4f89-11d3-9a0c, VERSION_STAGE, 3f2504e0-4f89-11d3-9a0c"
  })
  void versionRule(String version, Kind kind, String value) {
    VersionSelector selector = VersionSelector.parse(version, "s", "aws");

    assertThat(selector.kind()).isEqualTo(kind);
    assertThat(selector.value()).isEqualTo(value);
  }

  @Test
  void theSelectorFillsExactlyOneRequestParameter() {
    GetSecretValueRequest byStage = VersionSelector.parse("AWSPREVIOUS", "s", "aws").request("s");
    GetSecretValueRequest byId =
        VersionSelector.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "s", "aws").request("s");
    GetSecretValueRequest current = VersionSelector.parse("", "s", "aws").request("s");

    assertThat(byStage.versionStage()).isEqualTo("AWSPREVIOUS");
    assertThat(byStage.versionId()).isNull();
    assertThat(byId.versionId()).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assertThat(byId.versionStage()).isNull();
    assertThat(current.versionId()).isNull();
    assertThat(current.versionStage()).isNull();
  }
}
