package io.kailash.secrets.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads one secret file, fresh on every call: no value is kept, so a file replaced on disk (for
 * Kubernetes, by swapping the {@code ..data} link) is read anew at once.
 *
 * <p>Only regular files are opened: a FIFO would block {@code open} until a writer appears, and a
 * device could be endless. The size is checked before reading and again while reading (the file may
 * grow in between). The content must be UTF-8; one trailing line break ({@code \n} or {@code
 * \r\n}), as {@code echo} and most editors add, is removed.
 */
final class SecretFileReader {

  private final long maxBytes;

  SecretFileReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  long maxBytes() {
    return maxBytes;
  }

  /**
   * @param realPath a path without symbolic links (a {@link Path#toRealPath} result)
   * @throws NotRegularFileException for a directory, FIFO, socket or device
   * @throws TooLargeException if the file is larger than the limit
   * @throws CharacterCodingException if the content is not UTF-8
   * @throws IOException as the file system reports it (absent, permission denied, ...)
   */
  String read(Path realPath) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(realPath, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) {
      throw new NotRegularFileException(attributes.isDirectory());
    }
    if (attributes.size() > maxBytes) {
      throw new TooLargeException();
    }
    byte[] content;
    try (InputStream in = Files.newInputStream(realPath, LinkOption.NOFOLLOW_LINKS)) {
      content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (content.length > maxBytes) {
      throw new TooLargeException();
    }
    return withoutTrailingLineBreak(decode(content));
  }

  private static String decode(byte[] content) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(content))
        .toString();
  }

  static String withoutTrailingLineBreak(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /** The path is a directory, FIFO, socket or device. */
  static final class NotRegularFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean directory;

    NotRegularFileException(boolean directory) {
      super(directory ? "a directory" : "not a regular file");
      this.directory = directory;
    }

    boolean isDirectory() {
      return directory;
    }
  }

  /** The file is larger than the limit. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("larger than the limit");
    }
  }
}
