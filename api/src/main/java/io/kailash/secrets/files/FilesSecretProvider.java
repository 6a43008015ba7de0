package io.kailash.secrets.files;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads secrets from files in one directory, as Kubernetes Secret volumes, Docker and Compose
 * secrets ({@code /run/secrets}) and the Secrets Store CSI driver deliver them.
 *
 * <ul>
 *   <li>{@code api-token} is the file {@code <dir>/api-token}; {@code app/api-token} the file
 *       {@code <dir>/app/api-token}.
 *   <li>{@code db#password} is the field {@code password} of the JSON object in {@code <dir>/db}.
 *   <li>Version {@code v1} of {@code api-key} is the file {@code <dir>/api-key@v1} (a missing one
 *       is "not found", so a chain asks the next provider, as for the environment provider).
 *   <li>The content is UTF-8; one trailing line break ({@code \n} or {@code \r\n}) is removed. An
 *       empty file counts as absent.
 * </ul>
 *
 * <p>Every read opens the file again: nothing is cached here, so a file changed on disk, or a
 * Kubernetes update (an atomic swap of the {@code ..data} link), is served from the next read on.
 * Put a {@code CachingSecretProvider} in front only if a delay of up to its TTL is acceptable.
 *
 * <p>Refused: names that could leave the directory ({@code ..}, absolute names, backslashes, NUL
 * and other control characters), hidden names ({@code .x}, {@code ..data}), symbolic links whose
 * target is outside the directory's real path, anything but a regular file (a FIFO could block the
 * reading thread forever), and files larger than the limit (default 1 MiB, Kubernetes' own limit
 * for a Secret). No message ever contains a file's content.
 */
public final class FilesSecretProvider implements SecretProvider {

  /** Kubernetes limits a Secret to 1 MiB; larger files are refused unless configured otherwise. */
  public static final long DEFAULT_MAX_FILE_SIZE = 1L << 20;

  /** Attempts to read a file that is absent, in case an update removed it while it was read. */
  private static final int ATTEMPTS = 5;

  private final String name;
  private final ConfinedDirectory directory;
  private final SecretFileReader reader;
  private final FileFailures.Reading reading;

  FilesSecretProvider(String name, ConfinedDirectory directory, long maxFileSize) {
    this.name = name;
    this.directory = directory;
    this.reader = new SecretFileReader(maxFileSize);
    this.reading = new FileFailures.Reading(name(), directory.configured().toString(), maxFileSize);
  }

  public static FilesSecretProviderBuilder builder() {
    return new FilesSecretProviderBuilder();
  }

  @Override
  public String name() {
    return name;
  }

  /** The directory secrets are read from, absolute. */
  public Path directory() {
    return directory.configured();
  }

  @Override
  public String getSecret(String name, String version) {
    SecretRef ref = new SecretRef(name, version);
    SecretFileName file = SecretFileName.of(ref, name());
    String content = readFile(ref, file);
    if (file.field() != null) {
      content = JsonFileField.read(content, ref, file, reading);
    }
    if (content.isEmpty()) {
      throw FileFailures.absent(
          ref,
          name(),
          "the file '"
              + file.relativePath()
              + "' in "
              + reading.directory()
              + (file.field() == null ? " is empty" : " has an empty field"));
    }
    return content;
  }

  /**
   * Resolves the file's real path, then reads it. Kubernetes deletes the old timestamped directory
   * right after swapping {@code ..data}, so a read that resolved the old target can find nothing,
   * in either step: an absent file is resolved again a few times before it counts as absent, so a
   * read during an update sees the old or the new value, not "not found".
   */
  private String readFile(SecretRef ref, SecretFileName file) {
    Path path = directory.pathOf(file.segments());
    NoSuchFileException vanished = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return reader.read(directory.realPathInside(path));
      } catch (NoSuchFileException absentNow) {
        vanished = absentNow;
      } catch (IOException failure) {
        throw FileFailures.of(failure, ref, file, reading);
      }
    }
    throw FileFailures.of(vanished, ref, file, reading);
  }

  /**
   * The secrets in the directory, sorted: every regular file below it that a read would accept, as
   * a {@code /}-separated name, versioned files ({@code name@v1}) by their name only. Hidden
   * entries (Kubernetes' {@code ..data} and timestamped directories, dot files) and links leading
   * outside are left out.
   */
  @Override
  public List<String> listSecrets() {
    try {
      return new SecretFileLister(directory).names();
    } catch (IOException failure) {
      throw new SecretBackendException(
          name(),
          null,
          failure instanceof AccessDeniedException ? Reason.ACCESS_DENIED : Reason.UNAVAILABLE,
          "cannot list the directory "
              + reading.directory()
              + " ("
              + failure.getClass().getSimpleName()
              + ")");
    }
  }

  @Override
  public String toString() {
    return "FilesSecretProvider[directory=" + directory.configured() + "]";
  }
}
