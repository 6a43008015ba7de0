package io.kailash.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;

/**
 * Says why Vault denied {@code sys/internal/ui/mounts/<mount>}. Vault answers 403 there for an
 * invalid token, for a mount that does not exist and for a mount the token has no capability under
 * (it does not tell the last two apart, so that the endpoint cannot list mounts). One {@code
 * auth/token/lookup-self} separates the cases that can be separated: an invalid (expired, revoked)
 * token, a root token (which can use every mount, so the mount does not exist), or a valid token
 * for which both remain possible.
 */
final class MountDiagnosis {

  private MountDiagnosis() {}

  static SecretBackendException denied(VaultClient client, VaultRequest request, String mount) {
    VaultEndpoint endpoint = client.endpoint();
    String where = endpoint.describe(mount);
    JsonNode self;
    try {
      self =
          client.execute(VaultRequest.get("auth/token/lookup-self", request.secretName())).data();
    } catch (VaultStatusException e) {
      if (e.status() == 403 && e.vaultSaid().contains("invalid token")) {
        return VaultErrors.failure(
            endpoint,
            request,
            Reason.ACCESS_DENIED,
            "the token is not valid (expired or revoked): Vault refused it for "
                + request
                + " and for auth/token/lookup-self. Give the provider a current token (token,"
                + " VAULT_TOKEN) or an auth method that logs in (approle, kubernetes, jwt, cert,"
                + " aws-iam).");
      }
      // lookup-self itself denied (a token without the default policy) or failing: fall through
      self = null;
    }
    boolean root = self != null && containsRoot(self.path("policies"));
    if (root) {
      return VaultErrors.failure(
          endpoint,
          request,
          Reason.MISCONFIGURED,
          "no KV mount at '"
              + where
              + "': Vault denied "
              + request
              + " to a root token, which it does only for a mount that does not exist. Set mount"
              + " to an existing KV secrets engine (and namespace, if it lives in one).");
    }
    return VaultErrors.failure(
        endpoint,
        request,
        Reason.MISCONFIGURED,
        "no KV mount at '"
            + where
            + "' that this token may use: Vault denied "
            + request
            + ", which it does both for a mount that does not exist and for one where the token's"
            + " policies grant no capability. Check mount (and namespace), grant the token a"
            + " capability under the mount, or set kv-version to 1 or 2 to skip the detection.");
  }

  private static boolean containsRoot(JsonNode policies) {
    for (JsonNode policy : policies) {
      if ("root".equals(policy.asText())) {
        return true;
      }
    }
    return false;
  }
}
