package io.kailash.secrets.vault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how to reach Vault.
 *
 * @param baseUri the server URL without a trailing slash, e.g. {@code https://vault:8200}
 * @param namespace the Vault Enterprise/OpenBao namespace ({@code X-Vault-Namespace}), or null
 * @param timeout the limit for one whole exchange: connecting, the headers and the body
 * @param caCert a PEM file with the certificates to trust, or null for the JVM's default
 * @param provider the provider's name, for error messages
 */
record VaultEndpoint(
    URI baseUri, String namespace, Duration timeout, Path caCert, String provider) {

  /** The URI of an API path, e.g. {@code <base>/v1/secret/data/db?version=2}. */
  URI uriOf(VaultRequest request) {
    String query = request.query() == null ? "" : "?" + request.query();
    return URI.create(baseUri + "/v1/" + request.path() + query);
  }

  /** An API path as messages show it: with its namespace, which decides what it means. */
  String describe(String path) {
    return namespace == null ? path : path + " (namespace " + namespace + ")";
  }
}
