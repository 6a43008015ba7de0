package io.kailash.secrets.files;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns what went wrong with a secret file into the two exceptions applications see. Messages name
 * the secret and the file's path relative to the directory, never content; an {@link IOException}
 * is never passed on as a cause, since its message is a path chosen by whoever wrote the link.
 */
final class FileFailures {

  private FileFailures() {}

  static SecretNotFoundException absent(SecretRef ref, String provider, String detail) {
    return new SecretNotFoundException(ref, provider, detail);
  }

  static RuntimeException of(IOException failure, SecretRef ref, SecretFileName file, Reading in) {
    String where = "'" + file.relativePath() + "' in " + in.directory();
    if (failure instanceof NoSuchFileException || failure instanceof NotDirectoryException) {
      return absent(ref, in.provider(), "there is no file " + where);
    }
    if (failure instanceof ConfinedDirectory.EscapeException) {
      return refused(
          ref,
          in,
          Reason.ACCESS_DENIED,
          where
              + " is a symbolic link that leads outside"
              + " the directory; only links that stay inside it (as Kubernetes' '..data' links do) are"
              + " followed");
    }
    if (failure instanceof AccessDeniedException) {
      return refused(
          ref,
          in,
          Reason.ACCESS_DENIED,
          "permission denied reading " + where + "; give the application's user read access to it");
    }
    if (failure instanceof SecretFileReader.NotRegularFileException special) {
      return special.isDirectory()
          ? absent(ref, in.provider(), where + " is a directory, not a file")
          : refused(
              ref,
              in,
              Reason.INVALID_RESPONSE,
              where
                  + " is not a regular file (a FIFO,"
                  + " socket or device); only regular files are read");
    }
    if (failure instanceof SecretFileReader.TooLargeException) {
      return refused(
          ref,
          in,
          Reason.INVALID_RESPONSE,
          where
              + " is larger than the limit of "
              + in.maxBytes()
              + " bytes; raise files.max-file-size (builder: maxFileSize) if it"
              + " really is a secret");
    }
    if (failure instanceof CharacterCodingException) {
      return refused(ref, in, Reason.INVALID_RESPONSE, where + " is not valid UTF-8 text");
    }
    // Anything else, a symbolic link loop included (Linux reports ELOOP as a plain
    // FileSystemException): the file system may recover, so it is reported as transient.
    return refused(
        ref,
        in,
        Reason.UNAVAILABLE,
        "cannot read " + where + " (" + failure.getClass().getSimpleName() + ")");
  }

  static SecretBackendException refused(SecretRef ref, Reading in, Reason reason, String message) {
    return new SecretBackendException(in.provider(), ref.toString(), reason, message);
  }

  /** Who is reading where, for messages. */
  record Reading(String provider, String directory, long maxBytes) {}
}
