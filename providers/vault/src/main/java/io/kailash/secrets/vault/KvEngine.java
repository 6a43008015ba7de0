package io.kailash.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and lists one KV mount, version 1 or 2 (detected once, on first use). Version 2 reads go to
 * {@code <mount>/data/<path>[?version=N]} and lists to {@code <mount>/metadata/}; version 1 uses
 * the plain path for both.
 */
final class KvEngine {

  /** Deeper folder nesting than this in a listing means the server is answering nonsense. */
  private static final int MAX_LIST_DEPTH = 64;

  private final VaultClient client;
  private final String mount;
  private final KvVersion configured;
  private volatile KvVersion version;

  KvEngine(VaultClient client, String mount, KvVersion configured) {
    this.client = client;
    this.mount = mount;
    this.configured = configured;
  }

  /**
   * @param secretName the secret whose read needs the version, named in errors; may be null
   */
  KvVersion version(String secretName) {
    KvVersion known = version;
    if (known == null) {
      synchronized (this) {
        if (version == null) {
          version = KvVersionDetector.detect(client, mount, configured, secretName);
        }
        known = version;
      }
    }
    return known;
  }

  /**
   * The data object of the secret at {@code location}, in the version {@code ref} asks for.
   *
   * @throws SecretNotFoundException if the secret or version is absent, deleted or destroyed
   */
  JsonNode read(SecretLocation location, SecretRef ref) {
    Integer number = KvVersionNumber.parse(ref, client.endpoint().provider());
    KvVersion kv = version(ref.name());
    if (number != null && kv == KvVersion.V1) {
      // No version exists on KV 1: absent, like a version a KV 2 secret does not have.
      throw new SecretNotFoundException(
          ref,
          client.endpoint().provider(),
          "the mount '"
              + mount
              + "' is KV version 1, which keeps no versions. Ask for the"
              + " current value (no version) or move the secret to a KV version 2 mount.");
    }
    String path = KvPaths.encode(location.path());
    String base = KvPaths.encode(mount) + (kv == KvVersion.V2 ? "/data/" : "/");
    VaultRequest request = VaultRequest.get(base + path, ref.name());
    if (number != null) {
      request = request.withQuery("version=" + number);
    }
    VaultResponse response = client.execute(request);
    JsonNode fields = kv == KvVersion.V2 ? response.data().path("data") : response.data();
    if (response.isNotFound() || fields.isNull()) {
      throw KvAbsence.explain(ref, response, mount, client.endpoint().provider());
    }
    if (!fields.isObject()) {
      throw VaultErrors.invalidResponse(client.endpoint(), request, "has no data object");
    }
    return fields;
  }

  /** Every secret path in the mount, through all folders, sorted. */
  List<String> listAll() {
    String root = KvPaths.encode(mount) + (version(null) == KvVersion.V2 ? "/metadata/" : "/");
    List<String> names = new ArrayList<>();
    collect(root, "", 0, names);
    names.sort(null);
    return names;
  }

  private void collect(String root, String folder, int depth, List<String> names) {
    VaultRequest request = VaultRequest.list(root + KvPaths.encode(folder));
    VaultResponse response = client.execute(request);
    if (response.isNotFound()) {
      return; // Vault answers an empty folder with 404
    }
    JsonNode keys = response.data().path("keys");
    if (!keys.isArray() || depth > MAX_LIST_DEPTH) {
      throw VaultErrors.invalidResponse(client.endpoint(), request, "has no usable keys list");
    }
    for (JsonNode key : keys) {
      String name = key.asText("");
      if (name.isEmpty() || name.startsWith("/")) {
        throw VaultErrors.invalidResponse(client.endpoint(), request, "lists an empty key");
      }
      if (name.endsWith("/")) {
        collect(root, folder + name, depth + 1, names);
      } else {
        names.add(folder + name);
      }
    }
  }

  private SecretBackendException failure(SecretRef ref, Reason reason, String message) {
    return new SecretBackendException(client.endpoint().provider(), ref.name(), reason, message);
  }
}
