package io.kailash.secrets.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An append-only file that is rolled by size: when a write would take it past {@code maxBytes}, it
 * becomes {@code <name>.1}, the former {@code .1} becomes {@code .2}, and so on; {@code
 * <name>.<maxFiles>} is deleted. Writes are never split across files.
 *
 * <p>Not thread safe: its owner serialises the calls.
 */
final class RollingFile implements AutoCloseable {

  private final Path file;
  private final long maxBytes;
  private final int maxFiles;
  private OutputStream out;
  private long size;

  /**
   * @param maxBytes the size a file may reach; a single larger write still gets a file of its own
   * @param maxFiles the rolled files kept, at least 1
   */
  RollingFile(Path file, long maxBytes, int maxFiles) throws IOException {
    this.file = file;
    this.maxBytes = maxBytes;
    this.maxFiles = maxFiles;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    open();
  }

  /** Appends {@code bytes} to the file, rolling it first if they would not fit. */
  void write(byte[] bytes) throws IOException {
    if (out == null) {
      open(); // a previous roll failed half-way; try again
    }
    if (size > 0 && size + bytes.length > maxBytes) {
      roll();
    }
    out.write(bytes);
    out.flush();
    size += bytes.length;
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }

  private void roll() throws IOException {
    close();
    Files.deleteIfExists(rolled(maxFiles));
    for (int index = maxFiles - 1; index >= 1; index--) {
      if (Files.exists(rolled(index))) {
        Files.move(rolled(index), rolled(index + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(file, rolled(1), StandardCopyOption.REPLACE_EXISTING);
    open();
  }

  private void open() throws IOException {
    out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    size = Files.size(file);
  }

  private Path rolled(int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }
}
