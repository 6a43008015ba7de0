package io.kailash.secrets.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lists the secret names below a {@link ConfinedDirectory}, following links that stay inside it
 * (Kubernetes' {@code name -> ..data/name}) and skipping hidden entries, links that lead outside,
 * links that cannot be resolved (dangling, loops), and anything that is not a regular file or
 * directory. Each real directory is visited once, so a link loop ends, and at most {@value
 * #MAX_DEPTH} levels deep.
 */
final class SecretFileLister {

  private static final int MAX_DEPTH = 16;

  private final ConfinedDirectory directory;
  private final Set<Path> visited = new HashSet<>();
  private final Set<String> names = new TreeSet<>();

  SecretFileLister(ConfinedDirectory directory) {
    this.directory = directory;
  }

  /**
   * @throws IOException if the directory itself cannot be listed
   */
  List<String> names() throws IOException {
    Path root = directory.pathOf(List.of());
    visited.add(root);
    collect(root, "", 0);
    return List.copyOf(names);
  }

  private void collect(Path dir, String prefix, int depth) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String fileName = entry.getFileName().toString();
        if (!fileName.startsWith(".")) {
          visit(entry, prefix + fileName, depth);
        }
      }
    }
  }

  private void visit(Path entry, String name, int depth) throws IOException {
    Path realPath;
    BasicFileAttributes attributes;
    try {
      realPath = directory.realPathInside(entry);
      attributes =
          Files.readAttributes(realPath, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (AccessDeniedException denied) {
      throw denied;
    } catch (IOException unreadable) {
      // Leads outside, dangling, a link loop, or removed while listing: not a readable secret.
      return;
    }
    if (attributes.isRegularFile()) {
      int version = name.lastIndexOf(SecretFileName.VERSION_SEPARATOR);
      names.add(version < 0 ? name : name.substring(0, version));
    } else if (attributes.isDirectory() && depth < MAX_DEPTH && visited.add(realPath)) {
      collect(realPath, name + "/", depth + 1);
    }
  }
}
