package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNames;
import io.kailash.secrets.SecretRef;

/** Parses the version of a {@link SecretRef} as a KV version 2 version number. */
final class KvVersionNumber {

  private KvVersionNumber() {}

  /**
   * @return the version, or null for the current one
   * @throws SecretBackendException INVALID_REQUEST unless it is a whole number from 1 up
   */
  static Integer parse(SecretRef ref, String provider) {
    if (ref.isCurrent()) {
      return null;
    }
    String text = ref.version().trim();
    try {
      int number = Integer.parseInt(text);
      if (number >= 1 && text.chars().allMatch(Character::isDigit)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SecretBackendException(
        provider,
        ref.name(),
        SecretBackendException.Reason.INVALID_REQUEST,
        "the version '"
            + SecretNames.printable(ref.version())
            + "' is not a Vault KV version: use a whole number from 1 up, or no version for the"
            + " current value.");
  }
}
