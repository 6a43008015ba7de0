package io.kailash.secrets.vault;

import java.util.Map;

/**
 * One call to the Vault HTTP API.
 *
 * @param method HTTP method, including Vault's {@code LIST}
 * @param path the API path after {@code /v1/}, already URL-encoded, e.g. {@code secret/data/db}
 * @param query the query string without {@code ?}, or {@code null}
 * @param body a JSON object to send, or {@code null}; may hold credentials, so it is never logged
 * @param secretName the secret this call reads, for error messages; {@code null} for other calls
 * @param authenticated whether to send the client token (login calls do not)
 */
record VaultRequest(
    String method,
    String path,
    String query,
    Map<String, ?> body,
    String secretName,
    boolean authenticated) {

  static VaultRequest get(String path, String secretName) {
    return new VaultRequest("GET", path, null, null, secretName, true);
  }

  /** Vault's {@code LIST} verb; Vault treats it like {@code GET ?list=true}. */
  static VaultRequest list(String path) {
    return new VaultRequest("LIST", path, null, null, null, true);
  }

  static VaultRequest post(String path, Map<String, ?> body) {
    return new VaultRequest("POST", path, null, body, null, true);
  }

  VaultRequest withQuery(String newQuery) {
    return new VaultRequest(method, path, newQuery, body, secretName, authenticated);
  }

  VaultRequest withoutToken() {
    return new VaultRequest(method, path, query, body, secretName, false);
  }

  /** Method and path only: the body may hold a secret id. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
