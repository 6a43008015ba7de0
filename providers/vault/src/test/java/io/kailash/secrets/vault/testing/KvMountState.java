package io.kailash.secrets.vault.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The data of one KV mount. Version 1 keeps one object per path; version 2 keeps every version with
 * its creation time and deletion/destruction markers. All methods are synchronized.
 */
final class KvMountState {

  /** One version of a KV v2 secret; {@code data} is null once destroyed. */
  static final class Version {
    final int number;
    final String createdTime;
    volatile ObjectNode data;
    volatile String deletionTime = "";
    volatile boolean destroyed;

    Version(int number, ObjectNode data) {
      this.number = number;
      this.data = data;
      this.createdTime = Instant.now().toString();
    }

    boolean readable() {
      return !destroyed && deletionTime.isEmpty();
    }
  }

  final String path;
  final int kvVersion;
  private final NavigableMap<String, ObjectNode> v1 = new TreeMap<>();
  private final NavigableMap<String, List<Version>> v2 = new TreeMap<>();

  KvMountState(String path, int kvVersion) {
    this.path = path;
    this.kvVersion = kvVersion;
  }

  synchronized void putV1(String key, ObjectNode data) {
    v1.put(key, data);
  }

  synchronized ObjectNode getV1(String key) {
    return v1.get(key);
  }

  synchronized void deleteV1(String key) {
    v1.remove(key);
  }

  /** Stores a new version and returns it. */
  synchronized Version putV2(String key, ObjectNode data) {
    List<Version> versions = v2.computeIfAbsent(key, k -> new ArrayList<>());
    Version version = new Version(versions.size() + 1, data);
    versions.add(version);
    return version;
  }

  /**
   * @param number the version, or 0 for the latest
   * @return null when the key or version does not exist
   */
  synchronized Version getV2(String key, int number) {
    List<Version> versions = v2.get(key);
    if (versions == null || versions.isEmpty() || number > versions.size()) {
      return null;
    }
    return versions.get((number <= 0 ? versions.size() : number) - 1);
  }

  /** All versions of a key, oldest first; null when the key has no metadata. */
  synchronized List<Version> versionsOf(String key) {
    List<Version> versions = v2.get(key);
    return versions == null ? null : List.copyOf(versions);
  }

  synchronized void deleteVersion(String key, int number) {
    Version version = getV2(key, number);
    if (version != null && version.deletionTime.isEmpty()) {
      version.deletionTime = Instant.now().toString();
    }
  }

  synchronized void undeleteVersion(String key, int number) {
    Version version = getV2(key, number);
    if (version != null) {
      version.deletionTime = "";
    }
  }

  synchronized void destroyVersion(String key, int number) {
    Version version = getV2(key, number);
    if (version != null) {
      version.destroyed = true;
      version.data = null;
    }
  }

  synchronized void deleteMetadata(String key) {
    v2.remove(key);
  }

  /**
   * The direct children of a folder as Vault lists them: secrets by name, sub-folders with a
   * trailing {@code /}.
   *
   * @param folder "" for the root, else a path ending in {@code /}
   */
  synchronized SortedSet<String> children(String folder) {
    Map<String, ?> entries = kvVersion == 1 ? v1 : v2;
    SortedSet<String> keys = new TreeSet<>();
    for (String key : entries.keySet()) {
      if (key.startsWith(folder)) {
        String rest = key.substring(folder.length());
        int slash = rest.indexOf('/');
        keys.add(slash < 0 ? rest : rest.substring(0, slash + 1));
      }
    }
    return keys;
  }
}
