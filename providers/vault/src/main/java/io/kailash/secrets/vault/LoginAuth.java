package io.kailash.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.kailash.secrets.SecretBackendException.Reason;
import java.util.Map;

/**
 * An auth method that logs in with {@code POST auth/<mount>/login}, so it can fetch a new token
 * whenever the current one can no longer be used.
 */
abstract class LoginAuth extends VaultAuth {

  final String mount;

  LoginAuth(String mount, String what) {
    this.mount = KvPaths.normalizeMount(mount, what);
  }

  /** The login body; read at each login, so that rotated credentials files are picked up. */
  abstract Map<String, String> credentials(String provider);

  /** What to check when Vault refuses the login. */
  abstract String hint();

  @Override
  final boolean canLogin() {
    return true;
  }

  @Override
  final TokenLease login(VaultHttp http, long now) {
    Map<String, String> body = credentials(http.endpoint().provider());
    VaultRequest request =
        VaultRequest.post("auth/" + KvPaths.encode(mount) + "/login", body).withoutToken();
    VaultResponse response;
    try {
      response = http.send(request, null);
    } catch (VaultStatusException e) {
      if (e.status() != 400 && e.status() != 403) {
        throw e;
      }
      String said = e.vaultSaid().isEmpty() ? "" : ": " + e.vaultSaid();
      throw VaultErrors.failure(
          http.endpoint(),
          request,
          Reason.ACCESS_DENIED,
          "Vault refused the login at auth/"
              + mount
              + " (HTTP "
              + e.status()
              + said
              + "). "
              + hint());
    }
    JsonNode auth = response.body().path("auth");
    TokenLease lease = response.isNotFound() ? null : TokenLease.fromLogin(auth, now);
    if (lease == null) {
      throw VaultErrors.invalidResponse(http.endpoint(), request, "has no auth.client_token");
    }
    return lease;
  }
}
