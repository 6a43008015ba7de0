package io.kailash.secrets.vault;

/** The version of a Vault KV secrets engine mount. */
public enum KvVersion {
  /**
   * Detect the version from {@code sys/internal/ui/mounts/<mount>}; fail with a clear error when
   * the token may not read it.
   */
  AUTO,
  /** KV version 1: unversioned, read at {@code /v1/<mount>/<path>}. */
  V1,
  /** KV version 2: versioned, read at {@code /v1/<mount>/data/<path>}. */
  V2;

  /**
   * Parses {@code auto}, {@code 1} or {@code 2} (also {@code v1}, {@code v2}), as written in
   * configuration.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static KvVersion parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> AUTO;
      case "1", "v1" -> V1;
      case "2", "v2" -> V2;
      default ->
          throw new IllegalArgumentException(
              "KV version must be auto, 1 or 2, was '" + text.trim() + "'");
    };
  }
}
