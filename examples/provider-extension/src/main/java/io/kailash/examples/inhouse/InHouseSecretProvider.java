package io.kailash.examples.inhouse;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNames;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads secrets from one key=value file (the {@link Properties} syntax, UTF-8), standing in for a
 * team's own secret store: the line {@code payments/api-token = ...} holds the secret {@code
 * payments/api-token}, and {@code payments/api-token@v2 = ...} its version {@code v2}. The file is
 * read on every call, so an edit is seen at once (the agent's cache decides how often a call
 * happens).
 *
 * <p>What every provider must do, and this one shows: check the name with {@link SecretNames}
 * before using it, report an absent secret with {@link SecretNotFoundException} and a store that
 * cannot answer with {@link SecretBackendException}, and never put a value (or text of the store's
 * that could hold one) into a message.
 */
public final class InHouseSecretProvider implements SecretProvider {

  static final String TYPE = "in-house";

  private final Path file;

  public InHouseSecretProvider(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public String name() {
    return TYPE;
  }

  @Override
  public String getSecret(String name, String version) {
    SecretNames.requireValid(name, TYPE);
    boolean current = version == null || version.isEmpty();
    String value = read(name).getProperty(current ? name : name + "@" + version);
    if (value == null || value.isEmpty()) {
      throw current
          ? new SecretNotFoundException(name)
          : new SecretNotFoundException(name, version, List.of());
    }
    return value;
  }

  @Override
  public List<String> listSecrets() {
    TreeSet<String> names = new TreeSet<>();
    for (String key : read(null).stringPropertyNames()) {
      String name = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
      if (SecretNames.problemWith(name) == null) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private Properties read(String secretName) {
    Properties entries = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      entries.load(in);
      return entries;
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw failure(secretName, Reason.MISCONFIGURED, "cannot open", e);
    } catch (CharacterCodingException | IllegalArgumentException e) {
      // Not UTF-8, or a malformed \\u escape: the file is broken, asking again will not help.
      throw failure(secretName, Reason.INVALID_RESPONSE, "cannot parse", e);
    } catch (IOException e) {
      throw failure(secretName, Reason.UNAVAILABLE, "cannot read", e);
    }
  }

  /** Names the file and the exception's type only: its message might quote a line of the file. */
  private SecretBackendException failure(
      String secretName, Reason reason, String what, Exception cause) {
    return new SecretBackendException(
        TYPE,
        secretName,
        reason,
        what + " the key-value file " + file + " (" + cause.getClass().getSimpleName() + ")");
  }

  @Override
  public String toString() {
    return "InHouseSecretProvider[" + file + "]";
  }
}
