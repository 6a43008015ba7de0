package io.kailash.secrets;

/**
 * Supertype of every failure a secret provider reports.
 *
 * <p>Messages name secrets, versions and providers, never a secret value.
 */
public abstract class SecretProviderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected SecretProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
