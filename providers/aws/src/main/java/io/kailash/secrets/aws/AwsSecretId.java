package io.kailash.secrets.aws;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNames;
import java.util.regex.Pattern;

/**
 * A secret name split into the AWS {@code SecretId} and the optional JSON field after {@code #}:
 * {@code db-creds#password} reads field {@code password} of secret {@code db-creds}.
 *
 * <p>The id must pass {@link SecretNames#requireValid} and be either an AWS secret name (at most
 * 512 of the characters AWS allows in names: letters, digits and {@code /_+=.@-}) or a full secret
 * ARN ({@code arn:aws:secretsmanager:<region>:<account>:secret:<name>}), which is how secrets of
 * another account, or whose name starts with {@code /}, are read.
 *
 * @param secretId what is sent as {@code SecretId}
 * @param field the JSON field to extract, or empty for the whole value
 */
record AwsSecretId(String secretId, String field) {

  private static final int MAX_NAME_LENGTH = 512;
  private static final int MAX_ARN_LENGTH = 2048;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]+");
  private static final Pattern ARN =
      Pattern.compile(
          "arn:aws(-[a-z]+)*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+");

  /**
   * @throws SecretBackendException with {@link SecretBackendException.Reason#INVALID_REQUEST} if
   *     the name cannot be an AWS secret id
   */
  static AwsSecretId parse(String name, String provider) {
    SecretNames.requireValid(name, provider);
    int hash = name.indexOf('#');
    String id = hash < 0 ? name : name.substring(0, hash);
    String field = hash < 0 ? "" : name.substring(hash + 1);
    String problem = problemWith(id);
    if (problem != null) {
      throw new SecretBackendException(
          provider,
          SecretNames.printable(name),
          SecretBackendException.Reason.INVALID_REQUEST,
          "not a valid AWS secret id: "
              + problem
              + ". Use letters, digits and /_+=.@- (e.g. 'prod/db-creds#password'), or a full"
              + " secret ARN.");
    }
    return new AwsSecretId(id, field);
  }

  /** Whether {@code name}, e.g. from a listing, can be read through {@link #parse}. */
  static boolean isReadable(String name) {
    return name.indexOf('#') < 0
        && SecretNames.problemWith(name) == null
        && problemWith(name) == null;
  }

  boolean hasField() {
    return !field.isEmpty();
  }

  private static String problemWith(String id) {
    if (id.startsWith("arn:")) {
      if (id.length() > MAX_ARN_LENGTH || !ARN.matcher(id).matches()) {
        return "it starts with 'arn:' but is not a Secrets Manager secret ARN";
      }
      return null;
    }
    if (id.length() > MAX_NAME_LENGTH) {
      return "it is longer than " + MAX_NAME_LENGTH + " characters";
    }
    for (int i = 0; i < id.length(); i++) {
      if (!NAME.matcher(id.substring(i, i + 1)).matches()) {
        return "it contains '"
            + id.charAt(i)
            + "' at index "
            + i
            + ", which AWS does not allow in names";
      }
    }
    return null;
  }
}
