package io.kailash.secrets.files;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNames;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a secret lives below the provider's directory: {@code app/api-token} is the file {@code
 * app/api-token}, {@code db#password} the field {@code password} of the JSON file {@code db}, and
 * version {@code v1} of {@code api-key} the file {@code api-key@v1}.
 *
 * <p>On top of {@link SecretNames} (no empty, {@code .} or {@code ..} segment, no absolute name, no
 * backslash or control character such as NUL) it refuses segments that start with {@code .}: hidden
 * files and Kubernetes' own {@code ..data} and {@code ..<timestamp>} entries are never secrets.
 * {@code @} is reserved for the version, so names and versions containing it are refused, as are
 * versions that are not a single plain segment.
 *
 * @param segments the file's path below the directory, one element per directory level
 * @param field the JSON field to read, or {@code null} for the whole file
 */
record SecretFileName(List<String> segments, String field) {

  static final char VERSION_SEPARATOR = '@';

  /**
   * @throws SecretBackendException {@code INVALID_REQUEST} naming what is wrong
   */
  static SecretFileName of(SecretRef ref, String provider) {
    String name = ref.name();
    SecretNames.requireValid(name, provider);
    int hash = name.indexOf('#');
    String path = hash < 0 ? name : name.substring(0, hash);
    String field = hash < 0 ? null : name.substring(hash + 1);
    List<String> segments = List.of(path.split("/"));
    for (String segment : segments) {
      if (segment.startsWith(".")) {
        throw invalid(
            ref,
            provider,
            "the segment '"
                + segment
                + "' starts with '.': hidden files and Kubernetes' '..data'"
                + " entries are not secrets");
      }
      if (segment.indexOf(VERSION_SEPARATOR) >= 0) {
        throw invalid(ref, provider, "'@' is reserved for the version suffix of a file name");
      }
    }
    if (ref.isCurrent()) {
      return new SecretFileName(segments, field);
    }
    String version = ref.version();
    if (SecretNames.problemWith(version) != null
        || version.indexOf('/') >= 0
        || version.indexOf('#') >= 0
        || version.indexOf(VERSION_SEPARATOR) >= 0) {
      throw invalid(
          ref,
          provider,
          "the version '"
              + SecretNames.printable(version)
              + "' cannot be part of a file name; use letters, digits, '-', '_' or '.' (version"
              + " 'v1' of 'api-key' is the file 'api-key@v1')");
    }
    String last = segments.get(segments.size() - 1) + VERSION_SEPARATOR + version;
    List<String> versioned = new ArrayList<>(segments);
    versioned.set(versioned.size() - 1, last);
    return new SecretFileName(List.copyOf(versioned), field);
  }

  /** The file's path below the directory, {@code /}-separated, for messages. */
  String relativePath() {
    return String.join("/", segments);
  }

  private static SecretBackendException invalid(SecretRef ref, String provider, String problem) {
    return new SecretBackendException(
        provider,
        SecretNames.printable(ref.toString()),
        SecretBackendException.Reason.INVALID_REQUEST,
        "cannot map it to a file: "
            + problem
            + ". Use '/'-separated segments of letters, digits, '-', '_' or '.', e.g."
            + " 'app/api-token' or 'db#password'.");
  }
}
