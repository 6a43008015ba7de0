package io.kailash.secrets.vault.testing;

/**
 * A request the double received. The token itself is not kept, only its accessor, so that a failing
 * assertion never prints a token.
 *
 * @param method the HTTP method, e.g. {@code GET} or {@code LIST}
 * @param path the path after {@code /v1/}, decoded, as sent (without namespace)
 * @param query the raw query string, or null
 * @param namespace the {@code X-Vault-Namespace} header, or null
 * @param tokenAccessor the accessor of the token sent, {@code "unknown"} for a token the double
 *     never issued, or null when none was sent
 * @param vaultRequestHeader whether {@code X-Vault-Request: true} was sent
 */
public record RecordedRequest(
    String method,
    String path,
    String query,
    String namespace,
    String tokenAccessor,
    boolean vaultRequestHeader) {}
