package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;

/**
 * Authenticated Vault calls: one request each. A 403 with a login-based auth method logs in again
 * once, in case the token was revoked or expired early.
 *
 * <p>Transient failures are not retried here: retrying is {@link
 * io.kailash.secrets.resilience.ResilientSecretProvider}'s job, the one retry layer per provider (a
 * retry here as well multiplied the requests one read sends, issue 12).
 */
final class VaultClient {

  private final VaultHttp http;
  private final TokenSession session;

  VaultClient(VaultHttp http, TokenSession session) {
    this.http = http;
    this.session = session;
  }

  VaultEndpoint endpoint() {
    return http.endpoint();
  }

  VaultResponse execute(VaultRequest request) {
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
