package io.kailash.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A Vault answer that the caller has to interpret: a success, or a 404 (whose body tells an absent
 * secret from a deleted version). Every other status has already become an exception.
 *
 * @param status the HTTP status
 * @param body the parsed JSON body; {@link MissingNode} for an empty body (204)
 */
record VaultResponse(int status, JsonNode body) {

  boolean isNotFound() {
    return status == 404;
  }

  /** The envelope's {@code data} object; {@link MissingNode} when absent or null. */
  JsonNode data() {
    JsonNode data = body.path("data");
    return data.isNull() ? MissingNode.getInstance() : data;
  }

  /** Status only: the body may hold secret values. */
  @Override
  public String toString() {
    return "VaultResponse[" + status + "]";
  }
}
