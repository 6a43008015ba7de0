package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import java.nio.file.Path;
import java.util.Map;

/**
 * Kubernetes login: {@code POST auth/<mount>/login} with a role and the pod's service account JWT,
 * read from its file at each login because Kubernetes rotates it.
 */
final class KubernetesAuth extends LoginAuth {

  private final String role;
  private final Path jwtPath;

  KubernetesAuth(String mount, String role, Path jwtPath) {
    super(mount, "Kubernetes auth mount path");
    this.role = require(role, "Kubernetes role");
    this.jwtPath = java.util.Objects.requireNonNull(jwtPath, "Kubernetes JWT path");
  }

  @Override
  public String method() {
    return "kubernetes";
  }

  @Override
  Map<String, String> credentials(String provider) {
    return Map.of("role", role, "jwt", readJwt(provider));
  }

  @Override
  String hint() {
    return "Check kubernetes.role and that the role binds this pod's service account.";
  }

  private String readJwt(String provider) {
    return new LoginTokenFile(
            jwtPath, String::trim, "The Kubernetes service account token " + jwtPath)
        .read(
            provider,
            e -> noJwt(provider, e.getClass().getSimpleName(), e),
            () -> noJwt(provider, "the file is empty", null));
  }

  private SecretBackendException noJwt(String provider, String problem, Exception cause) {
    return new SecretBackendException(
        provider,
        null,
        Reason.MISCONFIGURED,
        "cannot read the Kubernetes service account token "
            + jwtPath
            + " ("
            + problem
            + "). Run in a pod with a service account token, or set kubernetes.jwt-path.",
        cause);
  }

  @Override
  public String toString() {
    return "kubernetes(mount=" + mount + ", role=" + role + ", jwt-path=" + jwtPath + ")";
  }
}
