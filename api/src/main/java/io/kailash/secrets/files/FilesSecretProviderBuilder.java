package io.kailash.secrets.files;

import java.nio.file.Path;
import java.util.Objects;

/** Builds a {@link FilesSecretProvider}: {@code directory} is required. */
public final class FilesSecretProviderBuilder {

  private String name = "files";
  private Path directory;
  private long maxFileSize = FilesSecretProvider.DEFAULT_MAX_FILE_SIZE;

  FilesSecretProviderBuilder() {}

  /**
   * The provider's name in messages and audit records; {@code files} by default (the agent gives a
   * named instance such as {@code files-tls} its name).
   *
   * @throws IllegalArgumentException if blank or holding a control character
   */
  public FilesSecretProviderBuilder name(String newName) {
    Objects.requireNonNull(newName, "name");
    if (newName.isBlank() || newName.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("the provider name must be plain text, not blank");
    }
    this.name = newName.trim();
    return this;
  }

  /** The directory the secrets are mounted in, e.g. {@code /run/secrets}. */
  public FilesSecretProviderBuilder directory(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * Files larger than this are refused (default {@value FilesSecretProvider#DEFAULT_MAX_FILE_SIZE}
   * bytes, 1 MiB).
   *
   * @throws IllegalArgumentException unless {@code bytes} is positive
   */
  public FilesSecretProviderBuilder maxFileSize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("the maximum file size must be positive, was " + bytes);
    }
    this.maxFileSize = bytes;
    return this;
  }

  /**
   * @throws IllegalStateException if no directory was given
   * @throws IllegalArgumentException if the directory does not exist or is not a directory
   */
  public FilesSecretProvider build() {
    if (directory == null) {
      throw new IllegalStateException(
          "FilesSecretProvider needs a directory: call directory(Path.of(\"/run/secrets\")).");
    }
    return new FilesSecretProvider(name, ConfinedDirectory.of(directory), maxFileSize);
  }
}
