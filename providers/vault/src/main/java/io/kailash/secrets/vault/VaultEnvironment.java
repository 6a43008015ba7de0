package io.kailash.secrets.vault;

import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.internal.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Vault CLI's conventions, used when the {@code vault.*} keys are absent (as the CLI and Spring
 * Cloud Vault do): {@code VAULT_ADDR}, {@code VAULT_TOKEN} (else the token helper's file {@code
 * ~/.vault-token}), {@code VAULT_CACERT} and {@code VAULT_NAMESPACE}. The environment and the home
 * directory are given, so that tests need not touch the real ones.
 */
final class VaultEnvironment {

  private final Map<String, String> variables;
  private final Path home;

  VaultEnvironment(Map<String, String> variables, Path home) {
    this.variables = Map.copyOf(variables);
    this.home = home;
  }

  static VaultEnvironment system() {
    String home = System.getProperty("user.home");
    return new VaultEnvironment(System.getenv(), home == null ? null : Path.of(home));
  }

  /** A non-blank variable, trimmed. */
  Optional<String> get(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * {@code VAULT_TOKEN}, else the content of {@code ~/.vault-token} (written by {@code vault
   * login}); empty when neither is there.
   *
   * @throws SecretsConfigurationException when the one found is not a usable credential
   */
  Optional<String> token() {
    Optional<String> token = get("VAULT_TOKEN");
    if (token.isPresent()) {
      return Optional.of(clean(token.get(), "The Vault token of VAULT_TOKEN"));
    }
    if (home == null) {
      return Optional.empty();
    }
    Path file = home.resolve(".vault-token");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SecretsConfigurationException(
          "Cannot read the Vault token file "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); set vault.token or VAULT_TOKEN, or fix the file's permissions.");
    }
    return content.isBlank()
        ? Optional.empty()
        : Optional.of(clean(content, "The Vault token file " + file));
  }

  private static String clean(String value, String what) {
    try {
      return Credentials.requireClean(value, what);
    } catch (IllegalArgumentException refused) {
      throw new SecretsConfigurationException(refused.getMessage());
    }
  }
}
