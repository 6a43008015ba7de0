package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An {@link SSLContext} that trusts exactly the certificates of a PEM file (a private CA). */
final class TlsTrust {

  private TlsTrust() {}

  /**
   * @throws SecretBackendException MISCONFIGURED when the file cannot be read or holds no
   *     certificate
   */
  static SSLContext trusting(Path pemFile, String provider) {
    return context(pemFile, null, provider);
  }

  /**
   * A context trusting {@code pemFile}'s certificates (null: the JVM's default trust) and
   * presenting {@code keyManagers}' client certificate (null: none).
   */
  static SSLContext context(Path pemFile, KeyManager[] keyManagers, String provider) {
    if (pemFile == null) {
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, null, null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JVM offers no TLS context", e);
      }
    }
    try (InputStream in = Files.newInputStream(pemFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw misconfigured(pemFile, provider, "it holds no certificate", null);
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        trusted.setCertificateEntry("vault-ca-" + index++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw misconfigured(pemFile, provider, e.getClass().getSimpleName(), e);
    }
  }

  private static SecretBackendException misconfigured(
      Path pemFile, String provider, String problem, Exception cause) {
    return new SecretBackendException(
        provider,
        null,
        SecretBackendException.Reason.MISCONFIGURED,
        "cannot use the CA certificate file "
            + pemFile
            + " ("
            + problem
            + "). Point ca-cert at a readable PEM file with the CA that signed Vault's certificate.",
        cause);
  }
}
