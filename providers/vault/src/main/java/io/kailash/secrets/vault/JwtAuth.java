package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * JWT/OIDC login: {@code POST auth/<mount>/login} with a role and a JWT read from a file, such as a
 * Kubernetes projected service account token or a CI system's OIDC token. The file is read again at
 * each login, because both are short-lived and replaced in place.
 */
final class JwtAuth extends LoginAuth {

  private final String role;
  private final Path jwtFile;

  JwtAuth(String mount, String role, Path jwtFile) {
    super(mount, "JWT auth mount path");
    this.role = require(role, "JWT role");
    this.jwtFile = Objects.requireNonNull(jwtFile, "JWT file");
  }

  @Override
  public String method() {
    return "jwt";
  }

  @Override
  Map<String, String> credentials(String provider) {
    return Map.of("role", role, "jwt", readJwt(provider));
  }

  @Override
  String hint() {
    return "Check jwt.role, and that the role's bound audiences, subject and claims match the"
        + " token in "
        + jwtFile
        + " (and that it has not expired).";
  }

  private String readJwt(String provider) {
    return new LoginTokenFile(jwtFile, String::strip, "The JWT in " + jwtFile)
        .read(
            provider,
            e -> unusable(provider, "cannot be read (" + e.getClass().getSimpleName() + ")"),
            () -> unusable(provider, "is empty"));
  }

  private SecretBackendException unusable(String provider, String problem) {
    return new SecretBackendException(
        provider,
        null,
        Reason.MISCONFIGURED,
        "the JWT file "
            + jwtFile
            + " "
            + problem
            + ". Set jwt.file to the file your platform writes the token to (a projected service"
            + " account token, a CI OIDC token).");
  }

  @Override
  public String toString() {
    return "jwt(mount=" + mount + ", role=" + role + ", file=" + jwtFile + ")";
  }
}
