package io.kailash.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Consumer;

/**
 * The API the demo workflow calls, on a free loopback port: {@code POST /api/sessions} answers 200
 * when the request carries {@code Authorization: Bearer <api-token>}, 401 otherwise.
 *
 * <p>It stands in for a remote service that holds its own copy of the token. It keeps only the
 * token's SHA-256 and compares in constant time.
 */
public final class DemoApiServer implements AutoCloseable {

  private static final String PATH = "/api/sessions";

  private final HttpServer server;
  private final byte[] expectedTokenHash;
  private final Consumer<String> authorizationSeen;

  /**
   * @param expectedToken the token to accept, or {@code null}: then every request gets 503
   * @param authorizationSeen receives each request's {@code Authorization} header (for tests)
   */
  public DemoApiServer(String expectedToken, Consumer<String> authorizationSeen)
      throws IOException {
    this.expectedTokenHash = expectedToken == null ? null : sha256(expectedToken);
    this.authorizationSeen = authorizationSeen;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PATH, this::handle);
    server.start();
  }

  /** Where the workflow sends its request. */
  public URI sessionsUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizationSeen.accept(authorization);
      if (!exchange.getRequestMethod().equals("POST")) {
        reply(exchange, 405, "use POST");
      } else if (expectedTokenHash == null) {
        reply(exchange, 503, "the server has no API token configured");
      } else if (authorization == null || !authorization.startsWith("Bearer ")) {
        reply(exchange, 401, "missing bearer token");
      } else if (!MessageDigest.isEqual(
          expectedTokenHash, sha256(authorization.substring("Bearer ".length())))) {
        reply(exchange, 401, "invalid token");
      } else {
        exchange.getRequestBody().readAllBytes();
        reply(exchange, 200, "accepted");
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
    }
  }
}
