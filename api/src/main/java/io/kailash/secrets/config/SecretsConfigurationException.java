package io.kailash.secrets.config;

/**
 * The kailash-secrets configuration is wrong: a malformed value, an unknown key or provider, a
 * missing required key. The message names the key and says what would be accepted; it never repeats
 * the value of a secret-bearing key.
 */
public class SecretsConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SecretsConfigurationException(String message) {
    super(message);
  }

  public SecretsConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
