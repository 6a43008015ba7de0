package io.kailash.secrets.vault;

import io.kailash.secrets.internal.Credentials;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the provider gets a Vault client token: a given token, or a login with AppRole, Kubernetes
 * service-account, JWT/OIDC, TLS certificate or AWS IAM credentials. Logins happen on first use and
 * again when the token can no longer be renewed. {@code toString} never shows a credential.
 */
public abstract class VaultAuth {

  /**
   * {@link #DEFAULT_KUBERNETES_JWT} as a compile-time constant, which the factory's key table names
   * without loading this class (and, through its verification, every auth class) in the agent's
   * premain.
   */
  static final String DEFAULT_KUBERNETES_JWT_FILE =
      "/var/run/secrets/kubernetes.io/serviceaccount/token";

  /** Where Kubernetes mounts a pod's service account token. */
  public static final Path DEFAULT_KUBERNETES_JWT = Path.of(DEFAULT_KUBERNETES_JWT_FILE);

  VaultAuth() {}

  /** A fixed token, e.g. from {@code VAULT_TOKEN}. It is used as given and never renewed. */
  public static VaultAuth token(String token) {
    return new TokenAuth(token);
  }

  /**
   * No token: the provider talks to a local Vault Agent or Vault Proxy whose auto-auth supplies the
   * token ({@code use_auto_auth_token = true}); every request carries {@code X-Vault-Request:
   * true}, as the agent requires.
   */
  public static VaultAuth agent() {
    return new AgentAuth();
  }

  /** AppRole login at {@code auth/approle}. */
  public static VaultAuth appRole(String roleId, String secretId) {
    return appRole("approle", roleId, secretId);
  }

  /** AppRole login at {@code auth/<mountPath>}. */
  public static VaultAuth appRole(String mountPath, String roleId, String secretId) {
    return new AppRoleAuth(mountPath, roleId, secretId);
  }

  /** Kubernetes login at {@code auth/kubernetes} with the pod's service account token. */
  public static VaultAuth kubernetes(String role) {
    return kubernetes("kubernetes", role, DEFAULT_KUBERNETES_JWT);
  }

  /**
   * Kubernetes login at {@code auth/<mountPath>}; the JWT is read from {@code jwtPath} at each
   * login, because Kubernetes rotates projected tokens.
   */
  public static VaultAuth kubernetes(String mountPath, String role, Path jwtPath) {
    return new KubernetesAuth(mountPath, role, jwtPath);
  }

  /**
   * JWT/OIDC login at {@code auth/<mountPath>} (usually {@code jwt}) with {@code role} and the JWT
   * in {@code jwtFile}, read again at each login (projected service account tokens and CI OIDC
   * tokens are short-lived and replaced in place).
   */
  public static VaultAuth jwt(String mountPath, String role, Path jwtFile) {
    return new JwtAuth(mountPath, role, jwtFile);
  }

  /**
   * TLS certificate login at {@code auth/<mountPath>} (usually {@code cert}): every connection to
   * Vault presents the key and certificate of {@code keyStore} (PKCS#12 or JKS), and the login asks
   * for the certificate role {@code roleName} (null: Vault tries every role).
   */
  public static VaultAuth cert(
      String mountPath, String roleName, Path keyStore, String keyStorePassword) {
    return new CertAuth(mountPath, roleName, new ClientKeyStore(keyStore, keyStorePassword));
  }

  /**
   * AWS IAM login at {@code auth/<mountPath>} (usually {@code aws}) as {@code role}, signing {@code
   * sts:GetCallerIdentity} for {@code region} with credentials from the AWS SDK's standard chain.
   * Needs the AWS SDK ({@code software.amazon.awssdk:auth} and {@code http-auth-aws}).
   *
   * @param stsEndpoint the STS URL Vault is configured with; null for the region's default
   * @param serverId the {@code X-Vault-AWS-IAM-Server-ID} value Vault requires, or null
   */
  public static VaultAuth awsIam(
      String mountPath, String role, String region, URI stsEndpoint, String serverId) {
    return new AwsIamAuth(mountPath, role, region, stsEndpoint, serverId, null);
  }

  /** As {@link #awsIam(String, String, String, URI, String)}, with the given credentials. */
  public static VaultAuth awsIam(
      String mountPath,
      String role,
      String region,
      URI stsEndpoint,
      String serverId,
      software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
    return new AwsIamAuth(
        mountPath,
        role,
        region,
        stsEndpoint,
        serverId,
        Objects.requireNonNull(credentials, "credentials"));
  }

  /**
   * The method's name: {@code token}, {@code approle}, {@code kubernetes}, {@code jwt}, {@code
   * cert}, {@code aws-iam} or {@code agent}.
   */
  public abstract String method();

  /** Whether {@link #login} can fetch a new token, e.g. after the current one was revoked. */
  abstract boolean canLogin();

  /** The client certificate to present in TLS handshakes; null for all but the cert method. */
  ClientKeyStore clientKeyStore() {
    return null;
  }

  /** Gets a token, by a login request unless the token is given. */
  abstract TokenLease login(VaultHttp http, long now);

  /**
   * The value stripped; refuses a blank one and one with a line break or control character (a token
   * file with a comment line) with a message that does not show it.
   */
  static String require(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return Credentials.requireClean(value, what);
  }
}
