package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.internal.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reads the token a login method sends from its file, at each login (the platforms that write these
 * files replace them in place): read, clean whitespace, refuse an empty file and a token that is no
 * usable credential. Each login method keeps its own whitespace rule and its own messages, which
 * name its configuration key.
 */
final class LoginTokenFile {

  private final Path file;
  private final UnaryOperator<String> whitespace;
  private final String refusalSubject;

  /**
   * @param whitespace how the file's text is cleaned, e.g. {@code String::strip}
   * @param refusalSubject what the refusal of an unusable token calls it, e.g. "The JWT in /x"
   */
  LoginTokenFile(Path file, UnaryOperator<String> whitespace, String refusalSubject) {
    this.file = file;
    this.whitespace = whitespace;
    this.refusalSubject = refusalSubject;
  }

  /**
   * @param unreadable the failure for a file that cannot be read
   * @param empty the failure for a file that is empty once cleaned
   */
  String read(
      String provider,
      Function<IOException, SecretBackendException> unreadable,
      Supplier<SecretBackendException> empty) {
    String token;
    try {
      token = whitespace.apply(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unreadable.apply(e);
    }
    if (token.isEmpty()) {
      throw empty.get();
    }
    String problem = Credentials.problemWith(token);
    if (problem != null) {
      throw new SecretBackendException(
          provider, null, Reason.MISCONFIGURED, Credentials.refusal(refusalSubject, problem));
    }
    return token;
  }
}
