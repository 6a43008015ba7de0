package io.kailash.secrets.aws;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProviderException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.internal.RedactedFailure;
import io.kailash.secrets.internal.RetryAfterHeader;
import io.kailash.secrets.internal.UntrustedText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;

/**
 * Translates AWS SDK failures, and the per-secret errors of BatchGetSecretValue, into
 * kailash-secrets exceptions that name the secret id and say what to do.
 *
 * <p>Text from the service (error codes and messages) passes through {@link UntrustedText}; the
 * SDK's own exceptions are replaced by a {@link RedactedFailure} (types and stack traces, no
 * messages), since their messages can quote a header, a credential or a piece of the response body,
 * e.g. the parse error for a non-JSON answer.
 */
final class AwsErrorMapper {

  private static final Set<String> THROTTLING_CODES =
      Set.of(
          "ThrottlingException",
          "Throttling",
          "TooManyRequestsException",
          "RequestLimitExceeded",
          "RequestThrottledException");
  private static final Set<String> DENIED_CODES =
      Set.of("AccessDeniedException", "AccessDenied", "DecryptionFailure");
  private static final Set<String> BAD_CREDENTIAL_CODES =
      Set.of(
          "UnrecognizedClientException",
          "InvalidClientTokenId",
          "InvalidSignatureException",
          "IncompleteSignature",
          "ExpiredTokenException",
          "ExpiredToken");

  private AwsErrorMapper() {}

  /**
   * @param ref the secret being read, or {@code null} for a listing
   * @param notFoundDetail why the secret may be missing (e.g. the staging label asked for)
   */
  static SecretProviderException map(
      SdkException failure, SecretRef ref, String notFoundDetail, String provider) {
    if (failure instanceof AwsServiceException service) {
      AwsErrorDetails details = service.awsErrorDetails();
      String code = details == null || details.errorCode() == null ? "" : details.errorCode();
      String message =
          details == null || details.errorMessage() == null ? "" : details.errorMessage();
      if (service.isThrottlingException()) {
        code = "ThrottlingException";
      }
      SecretProviderException mapped =
          fromErrorCode(
              code, message, service.statusCode(), ref, notFoundDetail, provider, failure);
      return withRetryAfter(mapped, details);
    }
    return fromClientFailure(failure, ref, provider);
  }

  /**
   * Maps an error code as AWS reports it, in an exception or in BatchGetSecretValue's {@code
   * Errors}.
   *
   * @param status the HTTP status, or 0 when unknown (batch errors)
   */
  static SecretProviderException fromErrorCode(
      String code,
      String message,
      int status,
      SecretRef ref,
      String notFoundDetail,
      String provider,
      Throwable cause) {
    String name = ref == null ? null : ref.toString();
    String aws =
        " AWS said: "
            + (code.isEmpty() ? "HTTP " + status : UntrustedText.quote(code))
            + " "
            + UntrustedText.quote(message);
    if (ref != null
        && (code.equals("ResourceNotFoundException") || (code.isEmpty() && status == 404))) {
      return new SecretNotFoundException(ref, provider, notFoundDetail);
    }
    if (ref != null && isScheduledForDeletion(code, message)) {
      return new SecretNotFoundException(ref, provider, "the secret is scheduled for deletion");
    }
    if (THROTTLING_CODES.contains(code) || status == 429) {
      return failure(
          provider,
          name,
          Reason.THROTTLED,
          "AWS throttled the request; try again later." + aws,
          cause);
    }
    if (DENIED_CODES.contains(code) || status == 403) {
      String need =
          code.equals("DecryptionFailure")
              ? "Grant kms:Decrypt on the secret's KMS key to the caller."
              : ref == null
                  ? "Grant secretsmanager:ListSecrets to the caller."
                  : "Grant secretsmanager:GetSecretValue on this secret to the caller.";
      return failure(provider, name, Reason.ACCESS_DENIED, "access denied. " + need + aws, cause);
    }
    if (BAD_CREDENTIAL_CODES.contains(code)) {
      return failure(
          provider,
          name,
          Reason.MISCONFIGURED,
          "AWS rejected the credentials; check the AWS profile, environment or role." + aws,
          cause);
    }
    if (code.equals("InternalServiceError") || status >= 500) {
      return failure(
          provider, name, Reason.SERVER_ERROR, "AWS Secrets Manager failed." + aws, cause);
    }
    return failure(provider, name, Reason.INVALID_REQUEST, "AWS refused the request." + aws, cause);
  }

  /** A throttling answer's {@code Retry-After}, for the retry layer. */
  private static SecretProviderException withRetryAfter(
      SecretProviderException mapped, AwsErrorDetails details) {
    if (mapped instanceof SecretBackendException backend
        && backend.reason() == Reason.THROTTLED
        && details != null
        && details.sdkHttpResponse() != null) {
      backend.retryAfter(
          RetryAfterHeader.parse(
                  details.sdkHttpResponse().firstMatchingHeader("Retry-After"), Instant.now())
              .orElse(null));
    }
    return mapped;
  }

  /**
   * Whether an error means the secret exists but is deleted and may be restored: AWS answers
   * InvalidRequestException ("...because it was marked for deletion", moto: "...marked deleted").
   */
  private static boolean isScheduledForDeletion(String code, String message) {
    String text = message.toLowerCase(Locale.ROOT);
    return code.equals("InvalidRequestException")
        && text.contains("marked")
        && text.contains("delet");
  }

  private static SecretBackendException fromClientFailure(
      SdkException failure, SecretRef ref, String provider) {
    String name = ref == null ? null : ref.toString();
    String sdk = " SDK failure: " + failure.getClass().getSimpleName() + ".";
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof CheckedCredentials.Refused refused) {
        return failure(provider, name, Reason.MISCONFIGURED, refused.getMessage(), null);
      }
    }
    if (isUnreadableAnswer(failure)) {
      // Checked before IOException (a JSON parse error is one): a 200 that is not JSON is not a
      // network failure worth retrying, and the parser's message quotes the body.
      return failure(
          provider,
          name,
          Reason.INVALID_RESPONSE,
          "the answer from AWS Secrets Manager is not the JSON it should be; is aws.endpoint"
              + " Secrets Manager? The body is not shown.",
          failure);
    }
    if (failure instanceof ApiCallTimeoutException
        || failure instanceof ApiCallAttemptTimeoutException
        || hasCause(failure, InterruptedIOException.class)
        || hasCause(failure, HttpTimeoutException.class)) {
      return failure(
          provider,
          name,
          Reason.TIMEOUT,
          "no answer from AWS Secrets Manager within the timeout (aws.timeout)." + sdk,
          failure);
    }
    if (hasCause(failure, ResponseSizeLimit.TooLargeException.class)) {
      return failure(
          provider,
          name,
          Reason.INVALID_RESPONSE,
          "the answer from AWS Secrets Manager is larger than "
              + ResponseSizeLimit.MAX_BYTES
              + " bytes and was not read; check aws.endpoint.",
          null);
    }
    // The SDK's JSON parser reports an unreadable answer as an IOException: it is not a transport
    // failure and asking again will not help (issue 12's fault matrix found it retried as one).
    if (hasCause(failure, JsonProcessingException.class)) {
      return failure(
          provider,
          name,
          Reason.INVALID_RESPONSE,
          "the answer from AWS Secrets Manager could not be read; check aws.endpoint.",
          failure);
    }
    if (hasCause(failure, IOException.class)) {
      return failure(
          provider,
          name,
          Reason.UNAVAILABLE,
          "cannot reach AWS Secrets Manager; check aws.endpoint, the network and proxies." + sdk,
          failure);
    }
    // The SDK has no exception type for missing credentials: its messages ("Unable to load
    // credentials from any of the providers...", "Profile file contained no credentials...") are.
    if (String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("credentials")) {
      return failure(
          provider,
          name,
          Reason.MISCONFIGURED,
          "no AWS credentials found; set aws.profile, the AWS_* environment variables or a role."
              + sdk,
          failure);
    }
    return failure(
        provider,
        name,
        Reason.INVALID_RESPONSE,
        "the AWS SDK could not complete the call." + sdk,
        failure);
  }

  /** The SDK could not parse the answer: a JSON parse error, or its "Unable to unmarshall". */
  static boolean isUnreadableAnswer(SdkException failure) {
    String message = String.valueOf(failure.getMessage());
    return RedactedFailure.hasCauseNamed(failure, "JsonParse")
        || RedactedFailure.hasCauseNamed(failure, "JsonProcessing")
        || RedactedFailure.hasCauseNamed(failure, "JsonEOF")
        || message.startsWith("Unable to unmarshall")
        || message.startsWith("Unable to parse");
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }

  private static SecretBackendException failure(
      String provider, String name, Reason reason, String message, Throwable cause) {
    return new SecretBackendException(
        provider, name, reason, message.strip(), RedactedFailure.of(cause));
  }
}
