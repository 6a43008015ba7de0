package io.kailash.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.internal.UntrustedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds whether a mount is KV version 1 or 2 from {@code GET sys/internal/ui/mounts/<mount>}, as
 * the Vault CLI does. Vault answers that to any token with some capability under the mount; when it
 * is denied (403) the configured version is used, or, for {@link KvVersion#AUTO}, the error says to
 * configure one. Other failures are not guessed around: transient ones are retried and reported.
 */
final class KvVersionDetector {

  private static final Logger log = LoggerFactory.getLogger(KvVersionDetector.class);

  private KvVersionDetector() {}

  static KvVersion detect(
      VaultClient client, String mount, KvVersion configured, String secretName) {
    VaultRequest request =
        VaultRequest.get("sys/internal/ui/mounts/" + KvPaths.encode(mount), secretName);
    VaultResponse response;
    try {
      response = client.execute(request);
    } catch (VaultStatusException e) {
      // Only Vault's 403 to this request; a refused login is reported as it is.
      if (e.status() != 403) {
        throw e;
      }
      if (configured == KvVersion.AUTO) {
        throw MountDiagnosis.denied(client, request, mount);
      }
      return fallBack(client, request, mount, configured);
    }
    if (response.isNotFound()) {
      // Vault before 0.10 has no such endpoint (the CLI assumes version 1 then).
      return fallBack(client, request, mount, configured);
    }
    KvVersion detected = versionOf(client, request, mount, response.data());
    if (configured != KvVersion.AUTO && configured != detected) {
      log.warn(
          "Vault mount '{}' is KV {} but kv-version says {}; using {}",
          mount,
          detected,
          configured,
          detected);
    }
    return detected;
  }

  private static KvVersion versionOf(
      VaultClient client, VaultRequest request, String mount, JsonNode data) {
    if (!data.isObject()) {
      throw VaultErrors.invalidResponse(client.endpoint(), request, "has no data object");
    }
    String type = data.path("type").asText("");
    if (!type.equals("kv") && !type.equals("generic")) {
      throw VaultErrors.failure(
          client.endpoint(),
          request,
          Reason.MISCONFIGURED,
          "the mount '"
              + mount
              + "' is a '"
              + UntrustedText.quote(type)
              + "' secrets engine, not KV. Set mount to a KV secrets engine.");
    }
    // options is null, {} or {"version":"1"} for version 1; the version is a string.
    return "2".equals(data.path("options").path("version").asText(""))
        ? KvVersion.V2
        : KvVersion.V1;
  }

  private static KvVersion fallBack(
      VaultClient client, VaultRequest request, String mount, KvVersion configured) {
    if (configured == KvVersion.AUTO) {
      throw VaultErrors.failure(
          client.endpoint(),
          request,
          Reason.MISCONFIGURED,
          "cannot detect the KV version of mount '"
              + mount
              + "': Vault denied "
              + request
              + ". Set kv-version to 1 or 2, or grant the token a capability under the mount.");
    }
    log.info("Cannot detect the KV version of Vault mount '{}'; using {}", mount, configured);
    return configured;
  }
}
