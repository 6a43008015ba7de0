package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.internal.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    String jwt;
    try {
      jwt = Files.readString(jwtFile, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw unusable(provider, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (jwt.isEmpty()) {
      throw unusable(provider, "is empty");
    }
    String problem = Credentials.problemWith(jwt);
    if (problem != null) {
      throw new SecretBackendException(
          provider,
          null,
          Reason.MISCONFIGURED,
          Credentials.refusal("The JWT in " + jwtFile, problem));
    }
    return jwt;
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
