package io.kailash.secrets.vault.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.SortedSet;

/**
 * The KV secrets engine, versions 1 and 2, as documented in Vault's kv-v1/kv-v2 API pages and
 * implemented in openbao {@code internal/builtin/logical/kv}.
 */
final class KvRoutes {

  static final String WRONG_V2_PATH_WARNING =
      "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API"
          + " endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation.";

  private KvRoutes() {}

  /**
   * @param rest the path inside the mount: "" or ending in "/" for lists
   */
  static void route(HttpExchange exchange, DoubleRequest request, KvMountState mount, String rest)
      throws IOException {
    if (mount.kvVersion == 1) {
      v1(exchange, request, mount, rest);
    } else if (rest.startsWith("data/")) {
      v2Data(exchange, request, mount, rest.substring("data/".length()));
    } else if (rest.startsWith("metadata/")) {
      v2Metadata(exchange, request, mount, rest.substring("metadata/".length()));
    } else if (rest.matches("(delete|undelete|destroy)/.+")) {
      v2Versions(exchange, request, mount, rest);
    } else if (rest.equals("config") && request.operation().equals("read")) {
      ObjectNode config = VaultReply.JSON.createObjectNode();
      config.put("cas_required", false).put("delete_version_after", "0s").put("max_versions", 0);
      VaultReply.json(exchange, 200, VaultReply.envelope(config, "kv"));
    } else {
      ObjectNode body = VaultReply.envelope(null, "kv");
      body.putArray("warnings").add(WRONG_V2_PATH_WARNING);
      VaultReply.json(exchange, 404, body);
    }
  }

  private static void v1(
      HttpExchange exchange, DoubleRequest request, KvMountState mount, String key)
      throws IOException {
    switch (request.operation()) {
      case "list" -> list(exchange, mount.children(key));
      case "read" -> {
        ObjectNode data = mount.getV1(key);
        if (data == null) {
          VaultReply.errors(exchange, 404);
          return;
        }
        ObjectNode body = VaultReply.envelope(data, "kv");
        body.put("lease_duration", 2764800); // the mount's default lease TTL, 768h
        VaultReply.json(exchange, 200, body);
      }
      case "update" -> {
        if (!request.body().isObject()) {
          VaultReply.errors(exchange, 400, "no data provided");
          return;
        }
        mount.putV1(key, (ObjectNode) request.body());
        VaultReply.noContent(exchange);
      }
      case "delete" -> {
        mount.deleteV1(key);
        VaultReply.noContent(exchange);
      }
      default -> unsupported(exchange);
    }
  }

  private static void v2Data(
      HttpExchange exchange, DoubleRequest request, KvMountState mount, String key)
      throws IOException {
    switch (request.operation()) {
      case "read" -> {
        int number;
        try {
          number = Integer.parseInt(request.query().getOrDefault("version", "0"));
        } catch (NumberFormatException e) {
          VaultReply.errors(exchange, 400, "invalid version");
          return;
        }
        KvMountState.Version version = mount.getV2(key, number);
        if (version == null) {
          VaultReply.errors(exchange, 404);
          return;
        }
        ObjectNode data = VaultReply.JSON.createObjectNode();
        data.set("data", version.readable() ? version.data : null);
        data.set("metadata", versionMetadata(version));
        // A deleted or destroyed version: 404 with the full envelope and data.data = null.
        VaultReply.json(exchange, version.readable() ? 200 : 404, VaultReply.envelope(data, "kv"));
      }
      case "update" -> write(exchange, request, mount, key);
      case "delete" -> {
        mount.deleteVersion(key, 0);
        VaultReply.noContent(exchange);
      }
      default -> unsupported(exchange);
    }
  }

  private static void write(
      HttpExchange exchange, DoubleRequest request, KvMountState mount, String key)
      throws IOException {
    JsonNode data = request.body().path("data");
    if (!data.isObject()) {
      VaultReply.errors(exchange, 400, "no data provided");
      return;
    }
    JsonNode cas = request.body().path("options").path("cas");
    List<KvMountState.Version> existing = mount.versionsOf(key);
    int current = existing == null ? 0 : existing.size();
    if (cas.isNumber() && cas.asInt() != current) {
      VaultReply.errors(exchange, 400, "check-and-set parameter did not match the current version");
      return;
    }
    KvMountState.Version version = mount.putV2(key, (ObjectNode) data);
    VaultReply.json(exchange, 200, VaultReply.envelope(versionMetadata(version), "kv"));
  }

  private static void v2Metadata(
      HttpExchange exchange, DoubleRequest request, KvMountState mount, String key)
      throws IOException {
    switch (request.operation()) {
      case "list" -> list(exchange, mount.children(key));
      case "read" -> {
        List<KvMountState.Version> versions = mount.versionsOf(key);
        if (versions == null) {
          VaultReply.errors(exchange, 404);
          return;
        }
        VaultReply.json(exchange, 200, VaultReply.envelope(keyMetadata(versions), "kv"));
      }
      case "delete" -> {
        mount.deleteMetadata(key);
        VaultReply.noContent(exchange);
      }
      default -> unsupported(exchange);
    }
  }

  private static void v2Versions(
      HttpExchange exchange, DoubleRequest request, KvMountState mount, String rest)
      throws IOException {
    if (!request.operation().equals("update")) {
      unsupported(exchange);
      return;
    }
    JsonNode versions = request.body().path("versions");
    if (!versions.isArray() || versions.isEmpty()) {
      VaultReply.errors(exchange, 400, "no version number provided");
      return;
    }
    String action = rest.substring(0, rest.indexOf('/'));
    String key = rest.substring(action.length() + 1);
    for (JsonNode number : versions) {
      switch (action) {
        case "delete" -> mount.deleteVersion(key, number.asInt());
        case "undelete" -> mount.undeleteVersion(key, number.asInt());
        default -> mount.destroyVersion(key, number.asInt());
      }
    }
    VaultReply.noContent(exchange);
  }

  private static void list(HttpExchange exchange, SortedSet<String> keys) throws IOException {
    if (keys.isEmpty()) {
      VaultReply.errors(exchange, 404); // "404 is also returned on LIST endpoints with no results"
      return;
    }
    ObjectNode data = VaultReply.JSON.createObjectNode();
    keys.forEach(data.putArray("keys")::add);
    VaultReply.json(exchange, 200, VaultReply.envelope(data, "kv"));
  }

  private static ObjectNode versionMetadata(KvMountState.Version version) {
    ObjectNode metadata = VaultReply.JSON.createObjectNode();
    metadata.put("created_time", version.createdTime);
    metadata.putNull("custom_metadata");
    metadata.put("deletion_time", version.deletionTime);
    metadata.put("destroyed", version.destroyed);
    metadata.put("version", version.number);
    return metadata;
  }

  private static ObjectNode keyMetadata(List<KvMountState.Version> versions) {
    ObjectNode metadata = VaultReply.JSON.createObjectNode();
    metadata.put("cas_required", false);
    metadata.put("created_time", versions.get(0).createdTime);
    metadata.put("current_version", versions.size());
    metadata.putNull("custom_metadata");
    metadata.put("delete_version_after", "0s");
    metadata.put("max_versions", 0);
    metadata.put("oldest_version", 0);
    metadata.put("updated_time", versions.get(versions.size() - 1).createdTime);
    ObjectNode byNumber = metadata.putObject("versions");
    for (KvMountState.Version version : versions) {
      ObjectNode entry = byNumber.putObject(Integer.toString(version.number));
      entry.put("created_time", version.createdTime);
      entry.put("deletion_time", version.deletionTime);
      entry.put("destroyed", version.destroyed);
    }
    return metadata;
  }

  static void unsupported(HttpExchange exchange) throws IOException {
    VaultReply.errors(exchange, 405, "unsupported operation");
  }
}
