package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.resilience.RetryPolicy;

/**
 * Authenticated, retried Vault calls. Transient failures (unreachable, timeout, 429, 5xx, sealed)
 * are retried by the {@link RetryPolicy}; a 403 with a login-based auth method logs in again once,
 * in case the token was revoked or expired early.
 */
final class VaultClient {

  private final VaultHttp http;
  private final TokenSession session;
  private final RetryPolicy retry;

  VaultClient(VaultHttp http, TokenSession session, RetryPolicy retry) {
    this.http = http;
    this.session = session;
    this.retry = retry;
  }

  VaultEndpoint endpoint() {
    return http.endpoint();
  }

  VaultResponse execute(VaultRequest request) {
    return retry.execute(() -> once(request));
  }

  private VaultResponse once(VaultRequest request) {
    String token = session.token();
    try {
      return http.send(request, token);
    } catch (SecretBackendException e) {
      if (e.reason() != SecretBackendException.Reason.ACCESS_DENIED || !session.refused(token)) {
        throw e;
      }
      return http.send(request, session.token());
    }
  }
}
