package io.kailash.secrets.vault;

import io.kailash.secrets.SecretNames;

/**
 * Where a secret name points in a KV mount: {@code db/creds#password} is field {@code password} of
 * the secret at path {@code db/creds}; {@code db/creds} leaves the field to {@link
 * SecretFieldSelector}.
 *
 * @param path the secret's path inside the mount, not encoded
 * @param field the field asked for, or null
 */
record SecretLocation(String path, String field) {

  /**
   * @throws io.kailash.secrets.SecretBackendException INVALID_REQUEST for names that are empty,
   *     absolute, or have empty, {@code .} or {@code ..} segments
   */
  static SecretLocation parse(String name, String provider) {
    SecretNames.requireValid(name, provider);
    int hash = name.indexOf('#');
    return hash < 0
        ? new SecretLocation(name, null)
        : new SecretLocation(name.substring(0, hash), name.substring(hash + 1));
  }
}
