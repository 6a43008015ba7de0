package io.kailash.secrets.vault.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's keytool (the JDK has no public API
 * to create certificates), and its PEM file for clients to trust.
 */
public final class SelfSignedTls {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private final Path keyStore;
  private final Path certificatePem;

  private SelfSignedTls(Path keyStore, Path certificatePem) {
    this.keyStore = keyStore;
    this.certificatePem = certificatePem;
  }

  /** Creates the key pair and certificate in {@code dir}. */
  public static SelfSignedTls create(Path dir) {
    Path keyStore = dir.resolve("vault-double.p12");
    Path pem = dir.resolve("vault-double-ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "vault",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        "changeit");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "vault",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        "changeit",
        "-file",
        pem.toString());
    return new SelfSignedTls(keyStore, pem);
  }

  /** The certificate as PEM, to pass as the provider's CA certificate. */
  public Path certificatePem() {
    return certificatePem;
  }

  SSLContext serverContext() {
    return serverContext(List.of());
  }

  /**
   * The server's context; it trusts exactly {@code clients}' certificates (none: no client auth).
   */
  SSLContext serverContext(List<ClientCertificate> clients) {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD);
      TrustManagerFactory trust = null;
      if (!clients.isEmpty()) {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (ClientCertificate client : clients) {
          trusted.setCertificateEntry(client.fingerprint(), client.certificate());
        }
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the test key store", e);
    }
  }

  static void keytool(String... arguments) {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run keytool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}
