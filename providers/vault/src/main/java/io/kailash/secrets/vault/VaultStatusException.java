package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import java.util.List;

/**
 * A {@link SecretBackendException} for an HTTP error status, keeping the status and Vault's {@code
 * errors} texts so that callers (logins, renewals) can tell cases apart without parsing messages.
 */
final class VaultStatusException extends SecretBackendException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> vaultErrors;

  VaultStatusException(
      String provider,
      String secretName,
      Reason reason,
      String message,
      int status,
      List<String> vaultErrors) {
    super(provider, secretName, reason, message);
    this.status = status;
    this.vaultErrors = List.copyOf(vaultErrors);
  }

  int status() {
    return status;
  }

  /** Vault's {@code errors} entries, shortened to one line; empty when it sent none. */
  String vaultSaid() {
    return VaultErrors.oneLine(vaultErrors);
  }
}
