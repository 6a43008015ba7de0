package io.kailash.secrets.awsagent;

import com.fasterxml.jackson.databind.JsonNode;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProviderException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.internal.RetryAfterHeader;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps the Secrets Manager Agent's error answers: the service's own error ({@code {"__type":
 * "ResourceNotFoundException", ...}} with its status), 504 for a timeout and 502 for a connection
 * error between the agent and AWS, 403 "Bad Token" for a wrong SSRF token, 429 when the agent's
 * connection limit is reached. Only the error type is quoted, never the body's message, which the
 * agent copies from the service.
 */
final class AgentAnswers {

  private static final Pattern PLAIN_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  private AgentAnswers() {}

  static SecretProviderException failure(
      String provider, SecretRef ref, int status, JsonNode body, Optional<String> retryAfter) {
    String type = errorType(body);
    String name = ref.name();
    String said = " (HTTP " + status + (type.isEmpty() ? "" : ", " + type) + ")";
    if (type.equals("ResourceNotFoundException")) {
      return new SecretNotFoundException(
          ref, provider, "the agent found no such secret or version");
    }
    if (type.equals("AccessDeniedException") || type.equals("DecryptionFailure")) {
      return failure(
          provider,
          name,
          Reason.ACCESS_DENIED,
          "access denied" + said + ". Grant the agent's role secretsmanager:GetSecretValue.");
    }
    if (status == 403) {
      return failure(
          provider,
          name,
          Reason.MISCONFIGURED,
          "the Secrets Manager Agent refused the SSRF token"
              + said
              + "; check aws-agent.token-file or aws-agent.token-env.");
    }
    if (status == 429 || type.equals("ThrottlingException")) {
      SecretBackendException throttled =
          failure(provider, name, Reason.THROTTLED, "the agent or AWS throttled the read" + said);
      return throttled.retryAfter(RetryAfterHeader.parse(retryAfter, Instant.now()).orElse(null));
    }
    if (status == 504) {
      return failure(provider, name, Reason.TIMEOUT, "the agent got no answer from AWS" + said);
    }
    if (status == 502 || status == 503) {
      return failure(provider, name, Reason.UNAVAILABLE, "the agent cannot reach AWS" + said);
    }
    if (status >= 500) {
      return failure(
          provider, name, Reason.SERVER_ERROR, "the Secrets Manager Agent failed" + said);
    }
    return failure(
        provider,
        name,
        Reason.INVALID_REQUEST,
        "the Secrets Manager Agent refused the read" + said);
  }

  /**
   * The error type, when it is a plain identifier (e.g. {@code ResourceNotFoundException}); the
   * agent's answer is untrusted text, so anything else is not quoted.
   */
  private static String errorType(JsonNode body) {
    String type = body == null ? "" : body.path("__type").asText("");
    int hash = type.lastIndexOf('#'); // AWS may send "namespace#Type"
    type = hash < 0 ? type : type.substring(hash + 1);
    return PLAIN_TYPE.matcher(type).matches() ? type : "";
  }

  static SecretBackendException failure(
      String provider, String name, Reason reason, String message) {
    return new SecretBackendException(provider, name, reason, message);
  }
}
