package io.kailash.secrets.vault;

import io.kailash.secrets.SecretNames;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the version of a {@link SecretRef} as a KV version 2 version number, the same way every
 * provider reads versions (docs/configuration.md, "Versions"): {@code 2} or {@code v2} is version
 * 2. Any other text names no Vault version, so the secret is absent in that version: an optional
 * requirement is then left out, a required one fails naming the accepted forms.
 */
final class KvVersionNumber {

  private static final Pattern NUMBER = Pattern.compile("[vV]?([0-9]{1,9})");

  private KvVersionNumber() {}

  /**
   * @return the version, or null for the current one
   * @throws SecretNotFoundException unless it is a whole number from 1 up, with or without a
   *     leading {@code v}
   */
  static Integer parse(SecretRef ref, String provider) {
    if (ref.isCurrent()) {
      return null;
    }
    Matcher matcher = NUMBER.matcher(ref.version().trim());
    if (matcher.matches()) {
      int number = Integer.parseInt(matcher.group(1));
      if (number >= 1) {
        return number;
      }
    }
    throw new SecretNotFoundException(
        ref,
        provider,
        "'"
            + SecretNames.printable(ref.version())
            + "' names no Vault KV version: Vault versions are whole numbers from 1, written '2'"
            + " or 'v2' (no version means the current value)");
  }
}
