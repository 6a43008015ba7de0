package io.kailash.secrets.vault.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/** Writes Vault's response shapes: the envelope, {@code {"errors":[...]}}, 204. */
final class VaultReply {

  static final ObjectMapper JSON = new ObjectMapper();

  private VaultReply() {}

  /**
   * The envelope of every JSON answer (Go's {@code logical.HTTPResponse}).
   *
   * @param mountType the {@code mount_type} (Vault 1.5+), or null to leave it out
   */
  static ObjectNode envelope(JsonNode data, String mountType) {
    ObjectNode body = JSON.createObjectNode();
    body.put("request_id", UUID.randomUUID().toString());
    body.put("lease_id", "");
    body.put("renewable", false);
    body.put("lease_duration", 0);
    body.set("data", data == null ? NullNode.getInstance() : data);
    body.putNull("wrap_info");
    body.putNull("warnings");
    body.putNull("auth");
    if (mountType != null) {
      body.put("mount_type", mountType);
    }
    return body;
  }

  static ObjectNode errorsBody(String... errors) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("errors");
    for (String error : errors) {
      list.add(error);
    }
    return body;
  }

  static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
    bytes(exchange, status, JSON.writeValueAsBytes(body));
  }

  static void errors(HttpExchange exchange, int status, String... errors) throws IOException {
    json(exchange, status, errorsBody(errors));
  }

  static void noContent(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  static void bytes(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
