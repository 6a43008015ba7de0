package io.kailash.secrets.vault.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A request as Vault's HTTP layer sees it (openbao {@code internal/http/logical.go}): {@code LIST}
 * and {@code GET ?list=<bool>} are list operations whose path gets a trailing slash, {@code POST}
 * equals {@code PUT}, and {@code X-Vault-Namespace} prefixes the path.
 *
 * @param operation read, list, update or delete
 * @param path the path after {@code /v1/}, decoded, without the namespace
 * @param namespace the namespace without slashes, or null
 */
record DoubleRequest(
    String operation,
    String path,
    Map<String, String> query,
    String namespace,
    String token,
    JsonNode body) {

  /** The same request carrying {@code newToken}, as a Vault Agent's auto-auth adds it. */
  DoubleRequest withToken(String newToken) {
    return new DoubleRequest(operation, path, query, namespace, newToken, body);
  }

  /** The path with its namespace, as mounts and policies see it. */
  String fullPath() {
    return namespace == null ? path : namespace + "/" + path;
  }

  /**
   * @throws IllegalArgumentException with Vault's message for a bad list flag or body
   */
  static DoubleRequest parse(HttpExchange exchange, String relativePath) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String method = exchange.getRequestMethod();
    boolean list = method.equals("LIST") || method.equals("GET") && listFlag(query.get("list"));
    String operation =
        list
            ? "list"
            : switch (method) {
              case "GET" -> "read";
              case "POST", "PUT" -> "update";
              case "DELETE" -> "delete";
              default -> "unsupported";
            };
    String path = list && !relativePath.endsWith("/") ? relativePath + "/" : relativePath;
    String namespace = exchange.getRequestHeaders().getFirst("X-Vault-Namespace");
    if (namespace != null) {
      namespace = namespace.replaceAll("^/+|/+$", "");
      namespace = namespace.isEmpty() ? null : namespace;
    }
    return new DoubleRequest(operation, path, query, namespace, token(exchange), body(exchange));
  }

  private static String token(HttpExchange exchange) {
    String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (token == null && authorization != null && authorization.startsWith("Bearer ")) {
      token = authorization.substring("Bearer ".length());
    }
    return token;
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length == 0) {
        return MissingNode.getInstance();
      }
      try {
        return VaultReply.JSON.readTree(bytes);
      } catch (IOException e) {
        throw new IllegalArgumentException("failed to parse JSON input");
      }
    }
  }

  /** Go's strconv.ParseBool, which Vault uses for {@code list}. */
  private static boolean listFlag(String value) {
    if (value == null) {
      return false;
    }
    return switch (value) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw new IllegalArgumentException("error parsing list parameter: " + value);
    };
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        query.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return query;
  }
}
