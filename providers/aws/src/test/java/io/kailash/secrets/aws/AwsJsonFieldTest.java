package io.kailash.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

/** {@code name#field} reads of JSON secrets, against moto. */
class AwsJsonFieldTest extends MotoBackedTest {

  private static final String DB_CREDS =
      "{\"username\":\"app\",\"password\":\"s3cr3t-pw\",\"port\":5432,\"tls\":true,"
          + "\"replicas\":[\"r1\",\"r2\"],\"options\":{\"ssl\":\"require\"},\"unused\":null}";

  @BeforeEach
  void createDbCreds() {
    admin.createSecret(r -> r.name("db-creds").secretString(DB_CREDS));
  }

  @Test
  void extractsStringNumberBooleanAndNestedFields() {
    assertThat(provider.getSecret("db-creds#password")).isEqualTo("s3cr3t-pw");
    assertThat(provider.getSecret("db-creds#port")).isEqualTo("5432");
    assertThat(provider.getSecret("db-creds#tls")).isEqualTo("true");
    assertThat(provider.getSecret("db-creds#replicas")).isEqualTo("[\"r1\",\"r2\"]");
    assertThat(provider.getSecret("db-creds#options")).isEqualTo("{\"ssl\":\"require\"}");
  }

  @Test
  void extractsAFieldOfAnOlderVersion() {
    admin.putSecretValue(
        r ->
            r.secretId("db-creds").secretString("{\"username\":\"app\",\"password\":\"rotated\"}"));

    assertThat(provider.getSecret("db-creds#password")).isEqualTo("rotated");
    assertThat(provider.getSecret("db-creds#password", "AWSPREVIOUS")).isEqualTo("s3cr3t-pw");
  }

  @Test
  void aMissingFieldIsNotFoundAndListsTheFieldNamesOnly() {
    assertThatThrownBy(() -> provider.getSecret("db-creds#passwd"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.secretName()).isEqualTo("db-creds#passwd");
              assertThat(e.detail())
                  .contains("no field 'passwd'")
                  .contains("[username, password, port, tls, replicas, options, unused]");
              assertThat(e.getMessage()).doesNotContain("s3cr3t-pw").doesNotContain("5432");
            });
  }

  @Test
  void aNullFieldCountsAsMissing() {
    assertThatThrownBy(() -> provider.getSecret("db-creds#unused"))
        .isInstanceOf(SecretNotFoundException.class);
  }

  @Test
  void aFieldOfAPlainStringSecretIsAnInvalidRequestWithoutTheValue() {
    admin.createSecret(r -> r.name("plain").secretString("not-json-plain-value{"));

    assertThatThrownBy(() -> provider.getSecret("plain#password"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INVALID_REQUEST);
              assertThat(e.getMessage()).contains("plain#password").contains("is not JSON");
              assertThat(e.getMessage()).doesNotContain("not-json-plain-value");
              assertThat(e.getCause()).isNull();
            });
  }

  @Test
  void aFieldOfAJsonArrayOrTrailingGarbageIsAnInvalidRequest() {
    admin.createSecret(r -> r.name("array").secretString("[\"a\",\"b\"]"));
    admin.createSecret(r -> r.name("trailing").secretString("{\"a\":\"b\"} extra-tail"));

    assertThatThrownBy(() -> provider.getSecret("array#a"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.getMessage()).contains("is not a JSON object"));
    assertThatThrownBy(() -> provider.getSecret("trailing#a"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INVALID_REQUEST);
              assertThat(e.getMessage()).doesNotContain("extra-tail");
            });
  }

  @Test
  void aFieldOfABinarySecretIsRefused() {
    admin.createSecret(r -> r.name("blob").secretBinary(SdkBytes.fromUtf8String("{\"a\":\"b\"}")));

    assertThatThrownBy(() -> provider.getSecret("blob#a"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INVALID_REQUEST);
              assertThat(e.getMessage()).contains("binary");
            });
  }
}
