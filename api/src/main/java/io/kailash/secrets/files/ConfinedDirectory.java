package io.kailash.secrets.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The provider's directory, and the rule that every file read through it stays inside it.
 *
 * <p>A path is resolved to its real path (every symbolic link followed) and must lie under the
 * directory's own real path. Links that stay inside are fine, which is what Kubernetes uses: {@code
 * <dir>/api-token -> ..data/api-token} and {@code ..data -> ..2024_01_01_00_00_00.123456789}. Links
 * that lead anywhere else, even to a world-readable file, are refused.
 */
final class ConfinedDirectory {

  private final Path configured;
  private final Path real;

  private ConfinedDirectory(Path configured, Path real) {
    this.configured = configured;
    this.real = real;
  }

  /**
   * @throws IllegalArgumentException if {@code directory} does not exist or is not a directory
   */
  static ConfinedDirectory of(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new IllegalArgumentException(
          "the secrets directory "
              + absolute
              + (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
                  ? " is not a directory"
                  : " does not exist")
              + "; give the directory the secrets are mounted in, e.g. /run/secrets");
    }
    try {
      return new ConfinedDirectory(absolute, absolute.toRealPath());
    } catch (IOException unreadable) {
      throw new IllegalArgumentException(
          "the secrets directory " + absolute + " cannot be resolved: " + unreadable.getClass());
    }
  }

  /** The directory as configured (absolute), for messages. */
  Path configured() {
    return configured;
  }

  /** The configured path of {@code segments} below the directory, links not yet followed. */
  Path pathOf(Iterable<String> segments) {
    Path path = real;
    for (String segment : segments) {
      path = path.resolve(segment);
    }
    return path;
  }

  /**
   * The real path of {@code path}, which must be below the directory.
   *
   * @throws EscapeException if a symbolic link leads outside the directory
   * @throws IOException as {@link Path#toRealPath} does, e.g. {@code NoSuchFileException}
   */
  Path realPathInside(Path path) throws IOException {
    Path resolved = path.toRealPath();
    if (!resolved.startsWith(real) || resolved.equals(real)) {
      throw new EscapeException();
    }
    return resolved;
  }

  /** A symbolic link led outside the directory; carries no path, so it cannot leak one. */
  static final class EscapeException extends IOException {
    private static final long serialVersionUID = 1L;

    EscapeException() {
      super("a symbolic link leads outside the secrets directory");
    }
  }
}
