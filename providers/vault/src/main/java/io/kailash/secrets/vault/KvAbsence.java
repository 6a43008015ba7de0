package io.kailash.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProviderException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.internal.UntrustedText;

/**
 * Explains a 404 answer to a KV read. KV version 2 answers a deleted or destroyed version with 404
 * and the full envelope, whose {@code data.metadata} says which; an absent secret has {@code
 * {"errors":[]}}; and a version 1 style read of a version 2 mount has a warning instead.
 */
final class KvAbsence {

  private static final String WRONG_ENGINE_WARNING = "Invalid path for a versioned K/V";

  private KvAbsence() {}

  static SecretProviderException explain(
      SecretRef ref, VaultResponse response, String mount, String provider) {
    for (JsonNode warning : response.body().path("warnings")) {
      if (warning.asText("").contains(WRONG_ENGINE_WARNING)) {
        return new SecretBackendException(
            provider,
            ref.name(),
            SecretBackendException.Reason.MISCONFIGURED,
            "the mount '"
                + mount
                + "' is KV version 2 but was read as version 1. Set kv-version to 2 or auto.");
      }
    }
    return new SecretNotFoundException(ref, provider, detail(ref, response));
  }

  private static String detail(SecretRef ref, VaultResponse response) {
    JsonNode metadata = response.data().path("metadata");
    String which =
        ref.isCurrent()
            ? "the current version ("
                + UntrustedText.quote(metadata.path("version").asText("?"))
                + ")"
            : "version " + ref.version();
    if (metadata.path("destroyed").asBoolean(false)) {
      return which + " was destroyed";
    }
    String deletedAt = metadata.path("deletion_time").asText("");
    if (!deletedAt.isEmpty()) {
      return which + " was deleted at " + UntrustedText.quote(deletedAt);
    }
    return ref.isCurrent() ? "" : "version " + ref.version() + " does not exist";
  }
}
