package io.kailash.secrets.vault.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes a parsed request the way Vault does: logins need no token; everything else needs a valid
 * one, then the ACL check (403) comes before the mount lookup (404 "no handler for route").
 */
final class VaultRouter {

  static final String PERMISSION_DENIED = "1 error occurred:\n\t* permission denied\n\n";
  static final String INVALID_TOKEN =
      "2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n";

  private final TokenRegistry tokens;
  private final Map<String, KvMountState> mounts = new ConcurrentHashMap<>();
  final AuthRoutes auth;

  VaultRouter(TokenRegistry tokens) {
    this.tokens = tokens;
    this.auth = new AuthRoutes(tokens);
  }

  void enableKv(String path, int version) {
    mounts.put(path, new KvMountState(path, version));
  }

  void disable(String path) {
    mounts.remove(path);
  }

  KvMountState mount(String path) {
    KvMountState mount = mounts.get(path);
    if (mount == null) {
      throw new IllegalArgumentException("no KV mount at " + path);
    }
    return mount;
  }

  void route(HttpExchange exchange, DoubleRequest request) throws IOException {
    String path = request.path();
    if (path.matches("auth/.+/login") && !path.startsWith("auth/token/")) {
      auth.login(exchange, request, path.substring("auth/".length(), path.length() - 6));
      return;
    }
    DoubleToken token = tokens.valid(request.token());
    if (token == null) {
      VaultReply.errors(exchange, 403, INVALID_TOKEN);
    } else if (path.startsWith("auth/token/")) {
      auth.tokenSelf(exchange, request, token);
    } else if (path.startsWith("sys/internal/ui/mounts/")) {
      mountInfo(exchange, request, token);
    } else if (path.startsWith("sys/mounts/")) {
      changeMount(exchange, request, token);
    } else {
      secret(exchange, request, token);
    }
  }

  private void secret(HttpExchange exchange, DoubleRequest request, DoubleToken token)
      throws IOException {
    String full = request.fullPath();
    if (!token.spec.allows(full)) {
      VaultReply.errors(exchange, 403, PERMISSION_DENIED);
      return;
    }
    KvMountState mount = owningMount(full);
    if (mount == null) {
      VaultReply.errors(
          exchange, 404, "no handler for route \"" + full + "\". route entry not found.");
      return;
    }
    String rest =
        full.length() <= mount.path.length() ? "" : full.substring(mount.path.length() + 1);
    KvRoutes.route(exchange, request, mount, rest);
  }

  /** {@code sys/internal/ui/mounts/<path>}: the mount owning the path, for KV version detection. */
  private void mountInfo(HttpExchange exchange, DoubleRequest request, DoubleToken token)
      throws IOException {
    String asked = request.path().substring("sys/internal/ui/mounts/".length());
    String full = (request.namespace() == null ? "" : request.namespace() + "/") + asked;
    KvMountState mount = owningMount(full.replaceAll("/+$", ""));
    if (mount == null || !token.spec.touches(mount.path)) {
      VaultReply.errors(
          exchange,
          403,
          "preflight capability check returned 403, please ensure client's policies grant access"
              + " to path \""
              + asked.replaceAll("/+$", "")
              + "/\"");
      return;
    }
    ObjectNode data = VaultReply.JSON.createObjectNode();
    data.put("accessor", "kv_" + Integer.toHexString(mount.path.hashCode()));
    data.putObject("config")
        .put("default_lease_ttl", 0)
        .put("force_no_cache", false)
        .put("max_lease_ttl", 0);
    data.put("description", "key/value secret storage");
    data.put("external_entropy_access", false);
    data.put("local", false);
    if (mount.kvVersion == 2) {
      data.putObject("options").put("version", "2");
    } else {
      data.putNull("options"); // what a KV v1 mount may have; {} and {"version":"1"} occur too
    }
    String relative =
        request.namespace() == null
            ? mount.path
            : mount.path.substring(request.namespace().length() + 1);
    data.put("path", relative + "/");
    data.put("plugin_version", "");
    data.put("running_plugin_version", "v0.20.0+builtin");
    data.put("running_sha256", "");
    data.put("seal_wrap", false);
    data.put("type", "kv");
    data.put("uuid", UUID.nameUUIDFromBytes(mount.path.getBytes()).toString());
    VaultReply.json(exchange, 200, VaultReply.envelope(data, null));
  }

  /** {@code POST/DELETE sys/mounts/<path>}: enables or disables a KV mount (root only). */
  private void changeMount(HttpExchange exchange, DoubleRequest request, DoubleToken token)
      throws IOException {
    String asked = request.path().substring("sys/mounts/".length()).replaceAll("/+$", "");
    String full = (request.namespace() == null ? "" : request.namespace() + "/") + asked;
    if (!token.spec.allows(request.path())) {
      VaultReply.errors(exchange, 403, PERMISSION_DENIED);
    } else if (request.operation().equals("delete")) {
      mounts.remove(full);
      VaultReply.noContent(exchange);
    } else if (!request.operation().equals("update")) {
      KvRoutes.unsupported(exchange);
    } else if (mounts.containsKey(full)) {
      VaultReply.errors(exchange, 400, "path is already in use at " + full + "/");
    } else {
      JsonNode body = request.body();
      if (!body.path("type").asText().equals("kv")) {
        VaultReply.errors(exchange, 400, "the double mounts only kv engines");
        return;
      }
      enableKv(full, body.path("options").path("version").asText("1").equals("2") ? 2 : 1);
      VaultReply.noContent(exchange);
    }
  }

  private KvMountState owningMount(String full) {
    KvMountState best = null;
    for (KvMountState mount : mounts.values()) {
      boolean owns = full.equals(mount.path) || full.startsWith(mount.path + "/");
      if (owns && (best == null || mount.path.length() > best.path.length())) {
        best = mount;
      }
    }
    return best;
  }
}
