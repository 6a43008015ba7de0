package io.kailash.secrets.vault.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * AppRole, Kubernetes and JWT login, and the token's own lookup-self and renew-self, with Vault's
 * answer shapes and error texts (openbao token_store.go; vault approle path_login.go; vault-plugin-
 * auth-kubernetes and vault-plugin-auth-jwt path_login.go).
 */
final class AuthRoutes {

  private final TokenRegistry tokens;
  final StsSignatureCheck sts = new StsSignatureCheck();

  AuthRoutes(TokenRegistry tokens) {
    this.tokens = tokens;
  }

  void login(HttpExchange exchange, DoubleRequest request, String mount) throws IOException {
    String method = tokens.loginMethod(mount);
    if (method == null) {
      String route = "auth/" + mount + "/login";
      VaultReply.errors(
          exchange, 404, "no handler for route \"" + route + "\". route entry not found.");
      return;
    }
    if (!request.operation().equals("update")) {
      KvRoutes.unsupported(exchange);
      return;
    }
    if (method.equals("cert")) {
      certLogin(exchange, request, mount);
      return;
    }
    if (method.equals("aws")) {
      awsLogin(exchange, request, mount);
      return;
    }
    JsonNode body = request.body();
    boolean appRole = method.equals("approle");
    String nameKey = appRole ? "role_id" : "role";
    String credentialKey = appRole ? "secret_id" : "jwt";
    String name = body.path(nameKey).asText("");
    String credential = body.path(credentialKey).asText("");
    if (name.isEmpty() || credential.isEmpty()) {
      VaultReply.errors(exchange, 400, "missing " + (name.isEmpty() ? nameKey : credentialKey));
      return;
    }
    TokenRegistry.Role role = tokens.role(mount, name);
    if (method.equals("jwt")) {
      // vault-plugin-auth-jwt path_login.go: both are logical.ErrorResponse, i.e. 400
      if (role == null) {
        VaultReply.errors(exchange, 400, "role \"" + name + "\" could not be found");
      } else if (!role.credential().equals(credential)) {
        VaultReply.errors(exchange, 400, "error validating token: invalid audience (aud) claim");
      } else {
        issue(exchange, mount, role, Map.of("role", name));
      }
    } else if (role == null && !appRole) {
      VaultReply.errors(exchange, 400, "invalid role name \"" + name + "\"");
    } else if (role == null || !role.credential().equals(credential)) {
      if (appRole) {
        VaultReply.errors(exchange, 400, "invalid role or secret ID");
      } else {
        VaultReply.errors(exchange, 403, VaultRouter.PERMISSION_DENIED);
      }
    } else {
      issue(exchange, mount, role, Map.of("role_name", name));
    }
  }

  /**
   * TLS certificate login (vault builtin/credential/cert path_login.go): the certificate the client
   * presented in the handshake must be one a role accepts; {@code name} limits it to that role.
   */
  private void certLogin(HttpExchange exchange, DoubleRequest request, String mount)
      throws IOException {
    X509Certificate presented = null;
    if (exchange instanceof HttpsExchange https) {
      try {
        Certificate[] chain = https.getSSLSession().getPeerCertificates();
        presented = chain.length == 0 ? null : (X509Certificate) chain[0];
      } catch (SSLPeerUnverifiedException noCertificate) {
        presented = null;
      }
    }
    String name = request.body().path("name").asText("");
    String fingerprint = presented == null ? "" : ClientCertificate.fingerprint(presented);
    for (Map.Entry<String, TokenRegistry.Role> role : tokens.roles(mount).entrySet()) {
      boolean named = name.isEmpty() || name.equals(role.getKey());
      if (named && role.getValue().credential().equals(fingerprint)) {
        String commonName = presented.getSubjectX500Principal().getName();
        issue(
            exchange,
            mount,
            role.getValue(),
            Map.of("cert_name", role.getKey(), "common_name", commonName));
        return;
      }
    }
    VaultReply.errors(exchange, 400, "invalid certificate or no client certificate supplied");
  }

  /**
   * AWS IAM login (vault builtin/credential/aws path_login.go): the signed GetCallerIdentity
   * request names the principal, whose ARN the role must bind.
   */
  private void awsLogin(HttpExchange exchange, DoubleRequest request, String mount)
      throws IOException {
    String arn;
    try {
      arn = sts.callerArn(request.body());
    } catch (IllegalArgumentException refused) {
      VaultReply.errors(exchange, 400, refused.getMessage());
      return;
    }
    String name = request.body().path("role").asText("");
    TokenRegistry.Role role = tokens.role(mount, name);
    if (role == null) {
      VaultReply.errors(exchange, 400, "entry for role \"" + name + "\" not found");
    } else if (!role.credential().equals(arn)) {
      VaultReply.errors(
          exchange,
          403,
          "IAM Principal \"" + arn + "\" does not belong to the role \"" + name + "\"");
    } else {
      issue(exchange, mount, role, Map.of("auth_type", "iam", "client_arn", arn, "role", name));
    }
  }

  /** Answers a successful login with a new token of {@code role}'s spec. */
  void issue(
      HttpExchange exchange, String mount, TokenRegistry.Role role, Map<String, String> metadata)
      throws IOException {
    DoubleToken token = tokens.issue("auth/" + mount + "/login", role.spec());
    ObjectNode reply = VaultReply.envelope(null, null);
    reply.set("auth", authObject(token, token.spec.ttl().toSeconds(), metadata));
    VaultReply.json(exchange, 200, reply);
  }

  void tokenSelf(HttpExchange exchange, DoubleRequest request, DoubleToken token)
      throws IOException {
    switch (request.path()) {
      case "auth/token/lookup-self" -> VaultReply.json(exchange, 200, lookup(token));
      case "auth/token/renew-self" -> renew(exchange, request, token);
      default -> KvRoutes.unsupported(exchange);
    }
  }

  private void renew(HttpExchange exchange, DoubleRequest request, DoubleToken token)
      throws IOException {
    if (!request.operation().equals("update")) {
      KvRoutes.unsupported(exchange);
      return;
    }
    if (!token.spec.renewable() || token.spec.ttl().isZero()) {
      VaultReply.errors(exchange, 400, "lease is not renewable");
      return;
    }
    long now = tokens.now();
    boolean capped = token.cappedAt(now);
    long seconds = token.renew(now);
    ObjectNode reply = VaultReply.envelope(null, null);
    if (capped) {
      reply
          .putArray("warnings")
          .add(
              "TTL of \""
                  + token.spec.ttl().toSeconds()
                  + "s\" exceeded the effective max_ttl of \""
                  + seconds
                  + "s\"; TTL value is capped accordingly");
    }
    reply.set("auth", authObject(token, seconds, Map.of()));
    VaultReply.json(exchange, 200, reply);
  }

  private ObjectNode lookup(DoubleToken token) {
    long now = tokens.now();
    boolean root = token.path.equals("auth/token/root");
    ObjectNode data = VaultReply.JSON.createObjectNode();
    data.put("accessor", token.accessor);
    data.put("creation_time", Instant.now().getEpochSecond());
    data.put("creation_ttl", token.spec.ttl().toSeconds());
    data.put("display_name", root ? "root" : token.path.split("/")[1]);
    data.put("entity_id", "");
    if (token.spec.ttl().isZero()) {
      data.putNull("expire_time");
    } else {
      data.put("expire_time", Instant.now().plusSeconds(token.ttlSeconds(now)).toString());
    }
    data.put("explicit_max_ttl", token.spec.maxTtl().toSeconds());
    data.put("id", token.id);
    data.putObject("meta");
    data.put("num_uses", 0);
    data.put("orphan", true);
    data.put("path", token.path);
    data.putArray("policies").add(root ? "root" : "default");
    if (!root) {
      data.put("renewable", token.spec.renewable());
      data.put("issue_time", Instant.now().toString());
    }
    data.put("ttl", token.ttlSeconds(now));
    data.put("type", "service");
    return VaultReply.envelope(data, null);
  }

  private static ObjectNode authObject(
      DoubleToken token, long leaseSeconds, Map<String, String> meta) {
    ObjectNode auth = VaultReply.JSON.createObjectNode();
    auth.put("client_token", token.id);
    auth.put("accessor", token.accessor);
    auth.putArray("policies").add("default");
    auth.putArray("token_policies").add("default");
    ObjectNode metadata = auth.putObject("metadata");
    meta.forEach(metadata::put);
    auth.put("lease_duration", leaseSeconds);
    auth.put("renewable", token.spec.renewable());
    auth.put("entity_id", UUID.randomUUID().toString());
    auth.put("token_type", "service");
    auth.put("orphan", true);
    auth.putNull("mfa_requirement");
    auth.put("num_uses", 0);
    return auth;
  }
}
