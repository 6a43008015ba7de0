package io.kailash.secrets.vault;

import io.kailash.secrets.SecretNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** URL-encoding of Vault paths and checks of configured mount paths. */
final class KvPaths {

  private KvPaths() {}

  /**
   * Percent-encodes each {@code /}-separated segment, so that {@code ?}, {@code #}, {@code %} or
   * spaces in a name stay part of the path instead of changing the URL.
   */
  static String encode(String path) {
    StringJoiner encoded = new StringJoiner("/");
    for (String segment : path.split("/", -1)) {
      // URLEncoder encodes for forms: a space becomes '+', which in a path is a literal '+'.
      encoded.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return encoded.toString();
  }

  /**
   * A mount or namespace path without surrounding slashes, e.g. {@code secret} or {@code team/kv}.
   *
   * @throws IllegalArgumentException if it is empty or has empty, {@code .} or {@code ..} segments
   */
  static String normalizeMount(String mount, String what) {
    if (mount == null) {
      throw new IllegalArgumentException(what + " must be set");
    }
    String trimmed = mount.trim().replaceAll("^/+|/+$", "");
    String problem = trimmed.contains("#") ? "it contains '#'" : SecretNames.problemWith(trimmed);
    if (problem != null) {
      throw new IllegalArgumentException(
          "Invalid " + what + " '" + SecretNames.printable(mount) + "': " + problem);
    }
    return trimmed;
  }
}
