package io.kailash.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.internal.UntrustedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Vault error status into a {@link SecretBackendException}. Vault's error bodies are {@code
 * {"errors":["..."]}}; their text is quoted for statuses where it helps (400, 5xx), shortened and
 * on one line. Response bodies with data are never quoted, and no message carries a token.
 */
final class VaultErrors {

  private VaultErrors() {}

  /**
   * @param body the parsed error body, or null when it was not JSON
   */
  static VaultStatusException forStatus(
      VaultEndpoint endpoint, VaultRequest request, int status, JsonNode body) {
    List<String> errors = errorsOf(body);
    String path = endpoint.describe(request.path());
    String said = errors.isEmpty() ? "" : ": " + oneLine(errors);
    Reason reason;
    String message;
    switch (status) {
      case 400 -> {
        reason = Reason.INVALID_REQUEST;
        message = "Vault rejected " + request + said;
      }
      case 403 -> {
        reason = Reason.ACCESS_DENIED;
        message =
            "permission denied for path "
                + path
                + ". Grant the token's policy the needed capability on that path.";
      }
      case 404 -> {
        reason = Reason.MISCONFIGURED;
        message =
            "Vault has no secrets engine or auth method mounted for path "
                + path
                + said
                + ". Check the mount (and namespace) in the configuration.";
      }
      case 412 -> {
        reason = Reason.MISCONFIGURED;
        message =
            "a Vault Agent or proxy refused "
                + request
                + " (HTTP 412"
                + said
                + "); something between us and Vault drops the X-Vault-Request header.";
      }
      case 429 -> {
        reason = Reason.THROTTLED;
        message = "Vault's rate limit was exceeded for path " + path + " (HTTP 429).";
      }
      case 503 -> {
        reason = Reason.UNAVAILABLE;
        message =
            errors.stream().anyMatch(error -> error.contains("sealed"))
                ? "Vault is sealed. Unseal it (or wait until it is unsealed) and try again."
                : "Vault is unavailable (HTTP 503" + said + "); it may be in standby.";
      }
      default -> {
        reason =
            status >= 500
                ? Reason.SERVER_ERROR
                : status >= 400 ? Reason.INVALID_REQUEST : Reason.INVALID_RESPONSE;
        message = "Vault answered HTTP " + status + " to " + request + said;
      }
    }
    return new VaultStatusException(
        endpoint.provider(), request.secretName(), reason, message, status, errors);
  }

  static SecretBackendException invalidResponse(
      VaultEndpoint endpoint, VaultRequest request, String problem) {
    return failure(
        endpoint,
        request,
        Reason.INVALID_RESPONSE,
        "Vault's answer to " + request + " " + problem + ". Is " + endpoint.baseUri() + " Vault?");
  }

  static SecretBackendException failure(
      VaultEndpoint endpoint, VaultRequest request, Reason reason, String message) {
    return new SecretBackendException(endpoint.provider(), request.secretName(), reason, message);
  }

  /** The entries of an {@code errors} array; empty when there is none. */
  static List<String> errorsOf(JsonNode body) {
    List<String> errors = new ArrayList<>();
    if (body != null) {
      body.path("errors").forEach(error -> errors.add(error.asText()));
    }
    return errors;
  }

  /** "first error; second error", sanitized by {@link UntrustedText}: one line, capped. */
  static String oneLine(List<String> errors) {
    return UntrustedText.quote(String.join("; ", errors));
  }
}
