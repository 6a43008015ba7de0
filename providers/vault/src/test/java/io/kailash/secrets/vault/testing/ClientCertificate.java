package io.kailash.secrets.vault.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * A client's self-signed certificate and key in a PKCS#12 key store, made at test time with keytool
 * (no private key is checked in), for the TLS certificate auth method.
 *
 * @param keyStore the PKCS#12 file with the key and certificate
 * @param password its password
 * @param certificate the certificate, as the double registers it with a cert role
 */
public record ClientCertificate(Path keyStore, String password, X509Certificate certificate) {

  /** Creates {@code <dir>/<name>.p12} with a key pair and a certificate for {@code CN=<name>}. */
  public static ClientCertificate create(Path dir, String name) {
    Path keyStore = dir.resolve(name + ".p12");
    Path pem = dir.resolve(name + ".pem");
    String password = "pw-" + name;
    SelfSignedTls.keytool(
        "-genkeypair",
        "-alias",
        "client",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name,
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password);
    SelfSignedTls.keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "client",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password,
        "-file",
        pem.toString());
    try (InputStream in = Files.newInputStream(pem)) {
      X509Certificate certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return new ClientCertificate(keyStore, password, certificate);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the client certificate " + pem, e);
    }
  }

  /** The SHA-256 fingerprint, in hex: how the double recognises a presented certificate. */
  public String fingerprint() {
    return fingerprint(certificate);
  }

  static String fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
