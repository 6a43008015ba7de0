package io.kailash.secrets.aws;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * One stored version of an AWS secret: its {@code SecretString} or its {@code SecretBinary}.
 *
 * <p>A binary secret is returned as standard Base64 (RFC 4648, with padding), so that it fits a
 * {@code String} parameter unchanged; {@code #field} works on JSON string secrets only. {@code
 * toString} shows the kind, never the value.
 */
final class AwsSecretValue {

  private final String string;
  private final SdkBytes binary;

  private AwsSecretValue(String string, SdkBytes binary) {
    this.string = string;
    this.binary = binary;
  }

  static AwsSecretValue of(GetSecretValueResponse response) {
    return new AwsSecretValue(response.secretString(), response.secretBinary());
  }

  static AwsSecretValue of(SecretValueEntry entry) {
    return new AwsSecretValue(entry.secretString(), entry.secretBinary());
  }

  /**
   * The value {@code ref} asks for: the whole value, or one field of a JSON object.
   *
   * @throws SecretNotFoundException if the JSON object has no such field
   * @throws SecretBackendException if a field is asked of a binary or non-JSON secret, or AWS
   *     returned a version with no value at all
   */
  String select(AwsSecretId id, SecretRef ref, String provider) {
    if (string == null && binary == null) {
      throw new SecretBackendException(
          provider,
          ref.toString(),
          SecretBackendException.Reason.INVALID_RESPONSE,
          "AWS returned a version with neither SecretString nor SecretBinary.");
    }
    if (!id.hasField()) {
      return string != null ? string : Base64.getEncoder().encodeToString(binary.asByteArray());
    }
    if (string == null) {
      throw new SecretBackendException(
          provider,
          ref.toString(),
          SecretBackendException.Reason.INVALID_REQUEST,
          "the secret is binary (SecretBinary), so a '#field' cannot be read from it. Drop"
              + " '#field' to read it Base64-encoded.");
    }
    return JsonFieldExtractor.field(string, id.field(), ref, provider);
  }

  @Override
  public String toString() {
    return string != null ? "AwsSecretValue[string]" : "AwsSecretValue[binary]";
  }
}
