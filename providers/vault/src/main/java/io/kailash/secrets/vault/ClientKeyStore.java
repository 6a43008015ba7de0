package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * The key store (PKCS#12 or JKS, detected from its content) whose private key and certificate the
 * provider presents to Vault in the TLS handshake, for the TLS certificate auth method. It is read
 * when the HTTP client is built, on the first request; {@code toString} never shows the password.
 */
final class ClientKeyStore {

  private final Path file;
  private final char[] password;

  ClientKeyStore(Path file, String password) {
    this.file = Objects.requireNonNull(file, "key store");
    this.password = password == null ? new char[0] : password.toCharArray();
  }

  Path file() {
    return file;
  }

  /**
   * @throws SecretBackendException MISCONFIGURED when the file cannot be read or opened
   */
  KeyManager[] keyManagers(String provider) {
    try {
      KeyStore store = KeyStore.getInstance(file.toFile(), password);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      return keys.getKeyManagers();
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      // The exception's message may say "wrong password" but never shows it; we keep only the type.
      throw new SecretBackendException(
          provider,
          null,
          Reason.MISCONFIGURED,
          "cannot use the client key store "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "). Point cert.key-store at a readable PKCS#12 or JKS file with the client's key"
              + " and certificate, and check cert.key-store-password.");
    }
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
