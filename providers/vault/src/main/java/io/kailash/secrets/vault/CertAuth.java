package io.kailash.secrets.vault;

import java.util.Map;

/**
 * TLS certificate login: {@code POST auth/<mount>/login} over a connection on which the provider
 * presented the client certificate of its {@link ClientKeyStore}; the body names the certificate
 * role, or is empty to let Vault try every role.
 */
final class CertAuth extends LoginAuth {

  private final String role;
  private final ClientKeyStore keyStore;

  CertAuth(String mount, String role, ClientKeyStore keyStore) {
    super(mount, "cert auth mount path");
    this.role = role == null || role.isBlank() ? null : require(role, "cert role name");
    this.keyStore = keyStore;
  }

  @Override
  public String method() {
    return "cert";
  }

  @Override
  ClientKeyStore clientKeyStore() {
    return keyStore;
  }

  @Override
  Map<String, String> credentials(String provider) {
    return role == null ? Map.of() : Map.of("name", role);
  }

  @Override
  String hint() {
    return "Check that the certificate in "
        + keyStore.file()
        + " is trusted by a certificate role of auth/"
        + mount
        + (role == null ? "" : " (cert.name " + role + ")")
        + ", has not expired, and matches the role's constraints.";
  }

  @Override
  public String toString() {
    return "cert(mount="
        + mount
        + (role == null ? "" : ", name=" + role)
        + ", key-store="
        + keyStore
        + ")";
  }
}
