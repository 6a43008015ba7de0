package io.kailash.secrets.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory laid out the way the kubelet lays out a Secret volume (its {@code AtomicWriter}):
 *
 * <pre>
 *   ..2024_01_01_00_00_00.000000001/api-token      the data, in a timestamped directory
 *   ..data -> ..2024_01_01_00_00_00.000000001      the current data
 *   api-token -> ..data/api-token                  one link per top-level key
 * </pre>
 *
 * An update writes a new timestamped directory, points a {@code ..data_tmp} link at it, renames
 * that over {@code ..data} (one atomic {@code rename(2)}) and deletes the old directory.
 */
final class KubernetesSecretVolume {

  private final Path root;
  private final Set<String> linkedKeys = new HashSet<>();
  private int generation;
  private Path current;

  KubernetesSecretVolume(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** Writes {@code data} (key, possibly {@code a/b}, to content) as the volume's new content. */
  KubernetesSecretVolume publish(Map<String, String> data) {
    try {
      Path timestamped =
          Files.createDirectory(
              root.resolve(String.format("..2024_01_01_00_00_00.%09d", ++generation)));
      for (Map.Entry<String, String> entry : data.entrySet()) {
        Path file = timestamped.resolve(entry.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, entry.getValue(), StandardCharsets.UTF_8);
      }
      Path tmp = root.resolve("..data_tmp");
      Files.createSymbolicLink(tmp, timestamped.getFileName());
      Files.move(tmp, root.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
      for (String key : data.keySet()) {
        String topLevel = key.split("/")[0];
        if (linkedKeys.add(topLevel)) {
          Files.createSymbolicLink(root.resolve(topLevel), Path.of("..data", topLevel));
        }
      }
      if (current != null) {
        deleteRecursively(current);
      }
      current = timestamped;
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
