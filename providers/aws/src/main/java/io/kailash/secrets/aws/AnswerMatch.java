package io.kailash.secrets.aws;

import io.kailash.secrets.SecretBackendException;
import java.util.Collection;

/**
 * Decides which requested {@code SecretId} an answer of AWS belongs to, by its ARN first and its
 * name only then: a batch answer for another account's secret that has the same friendly name must
 * never fill the local name, and an answer for no requested id is refused as {@code
 * INVALID_RESPONSE} instead of being used.
 */
final class AnswerMatch {

  /** AWS appends a hyphen and six random characters to a secret's name in its ARN. */
  private static final int ARN_SUFFIX_LENGTH = 7;

  private AnswerMatch() {}

  /**
   * @return the requested id among {@code requested} that the answer ({@code arn}, {@code name}) is
   *     for, or null when it is for none of them
   */
  static String requestedIdOf(String arn, String name, Collection<String> requested) {
    if (arn != null) {
      for (String id : requested) {
        if (isArnOf(arn, id)) {
          return id; // an ARN (full, or without the random suffix) that was asked for
        }
      }
    }
    if (name != null && requested.contains(name) && (arn == null || arnNames(arn, name))) {
      return name;
    }
    return null;
  }

  /** Whether a single read's answer is for {@code requestedId}. */
  static boolean isFor(String arn, String name, String requestedId) {
    return requestedIdOf(arn, name, java.util.List.of(requestedId)) != null
        || (arn == null && name == null); // an answer naming nothing cannot be checked
  }

  static SecretBackendException notAsked(String provider, String requestedId) {
    return new SecretBackendException(
        provider,
        requestedId,
        SecretBackendException.Reason.INVALID_RESPONSE,
        "AWS answered with a secret that was not asked for; the answer was not used. Is"
            + " aws.endpoint Secrets Manager?");
  }

  private static boolean isArnOf(String arn, String id) {
    return arn.equals(id)
        || (id.startsWith("arn:")
            && arn.length() == id.length() + ARN_SUFFIX_LENGTH
            && arn.startsWith(id)
            && arn.charAt(id.length()) == '-');
  }

  /** Whether {@code arn} is the ARN of a secret called {@code name}. */
  private static boolean arnNames(String arn, String name) {
    int secret = arn.indexOf(":secret:");
    if (secret < 0) {
      return false;
    }
    String arnName = arn.substring(secret + ":secret:".length());
    return arnName.equals(name)
        || (arnName.length() == name.length() + ARN_SUFFIX_LENGTH
            && arnName.startsWith(name)
            && arnName.charAt(name.length()) == '-');
  }
}
