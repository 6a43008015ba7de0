package io.kailash.secrets.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for two HTTP APIs of AWS Secrets Manager on a loopback port, for what moto cannot do
 * (throttling with {@code Retry-After}, 5xx, hangs):
 *
 * <ul>
 *   <li>the service's JSON 1.1 protocol ({@code POST /}, {@code X-Amz-Target:
 *       secretsmanager.GetSecretValue}), answering as the service does: the GetSecretValue
 *       document, or {@code {"__type": "...", "message": "..."}} with the error's status;
 *   <li>the AWS Secrets Manager Agent's ({@code GET /secretsmanager/get?secretId=...}, the SSRF
 *       token in {@code X-Aws-Parameters-Secrets-Token}; 403 "Bad Token" without it, and the
 *       service's error document and status for service errors).
 * </ul>
 *
 * <p>Requests are not checked for a signature. A rate limit ({@link #rateLimit}) answers requests
 * above N per second with the service's ThrottlingException (400) or, on the agent API, 429.
 */
public final class SecretsManagerDouble implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A misbehaviour for the next requests: a status with an error type, or a pause first. */
  public record Fault(int status, String type, String retryAfter, Duration delay) {
    public static Fault error(int status, String type) {
      return new Fault(status, type, null, Duration.ZERO);
    }

    public static Fault throttled(String retryAfterSeconds) {
      return new Fault(400, "ThrottlingException", retryAfterSeconds, Duration.ZERO);
    }

    public static Fault hang(Duration delay) {
      return new Fault(0, "", null, delay);
    }

    /** 200, headers and the first bytes of the body, then nothing for {@code pause}. */
    public static Fault stallBody(Duration pause) {
      return new Fault(200, STALL, null, pause);
    }

    /** 200 with a body that is not JSON. */
    public static Fault garbage() {
      return new Fault(200, GARBAGE, null, Duration.ZERO);
    }

    /** 200 with a 10 MB body (spaces) and its Content-Length. */
    public static Fault hugeBody() {
      return new Fault(200, HUGE, null, Duration.ZERO);
    }

    /** 307 to another address. */
    public static Fault redirect() {
      return new Fault(307, REDIRECT, null, Duration.ZERO);
    }
  }

  private static final String STALL = "!stall";
  private static final String GARBAGE = "!garbage";
  private static final String HUGE = "!huge";
  private static final String REDIRECT = "!redirect";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final FaultQueue faults = new FaultQueue();
  private final RateLimit rateLimit = new RateLimit();
  private volatile String agentToken = "agent-ssrf-token";

  private SecretsManagerDouble() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "secretsmanager-double");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static SecretsManagerDouble start() {
    try {
      return new SecretsManagerDouble();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Secrets Manager double", e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void put(String name, String value) {
    secrets.put(name, value);
  }

  /** The token the agent API expects in {@code X-Aws-Parameters-Secrets-Token}. */
  public String agentToken() {
    return agentToken;
  }

  public void agentToken(String token) {
    agentToken = token;
  }

  public void failNext(int count, Fault fault) {
    faults.add(count, fault);
  }

  public void clearFaults() {
    faults.clear();
  }

  /** Refuses requests beyond {@code perSecond} in any one-second window (0: no limit). */
  public void rateLimit(int perSecond) {
    rateLimit.perSecond(perSecond);
  }

  /** Requests received, refused ones included. */
  public int requestCount() {
    return requests.get();
  }

  /** Requests the rate limit refused. */
  public int refusedCount() {
    return refused.get();
  }

  public void clearRequests() {
    requests.set(0);
    refused.set(0);
  }

  @Override
  public synchronized void close() {
    if (!executor.isShutdown()) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void handle(HttpExchange exchange) {
    requests.incrementAndGet();
    boolean agentApi = exchange.getRequestURI().getPath().equals("/secretsmanager/get");
    try (exchange) {
      if (agentApi && !agentToken.equals(header(exchange, "X-Aws-Parameters-Secrets-Token"))) {
        reply(exchange, 403, "Bad Token".getBytes(StandardCharsets.UTF_8), null);
        return;
      }
      if (!rateLimit.admit()) {
        refused.incrementAndGet();
        if (agentApi) {
          error(exchange, 429, "ThrottlingException", "Rate exceeded", null);
        } else {
          error(exchange, 400, "ThrottlingException", "Rate exceeded", null);
        }
        return;
      }
      Fault fault = faults.next();
      if (fault != null && fault.type().startsWith("!")) {
        misbehave(exchange, fault);
        return;
      }
      if (fault != null && !fault.delay().isZero()) {
        Thread.sleep(fault.delay().toMillis());
      } else if (fault != null) {
        error(exchange, fault.status(), fault.type(), "injected fault", fault.retryAfter());
        return;
      }
      String secretId;
      String stage;
      if (agentApi) {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        secretId = query.get("secretId");
        stage = query.getOrDefault("versionStage", "AWSCURRENT");
      } else {
        String target = header(exchange, "X-Amz-Target");
        if (!"secretsmanager.GetSecretValue".equals(target)) {
          error(exchange, 400, "UnknownOperationException", "not modelled: " + target, null);
          return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        secretId = body.path("SecretId").asText();
        stage = body.path("VersionStage").asText("AWSCURRENT");
      }
      answer(exchange, secretId, stage);
    } catch (IOException | InterruptedException clientGone) {
      // the client gave up, or the double is closing
    }
  }

  private static void misbehave(HttpExchange exchange, Fault fault)
      throws IOException, InterruptedException {
    switch (fault.type()) {
      case STALL -> {
        exchange.sendResponseHeaders(200, 1000);
        OutputStream out = exchange.getResponseBody();
        out.write("{\"SecretString\":".getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(fault.delay().toMillis());
      }
      case GARBAGE ->
          reply(exchange, 200, "{\"SecretString\": <html>".getBytes(StandardCharsets.UTF_8), null);
      case HUGE -> {
        exchange.sendResponseHeaders(200, 160 * 64 * 1024);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        try (OutputStream out = exchange.getResponseBody()) {
          for (int i = 0; i < 160; i++) {
            out.write(chunk);
          }
        } catch (IOException clientGaveUp) {
          // expected: the client stops reading past its limit
        }
      }
      default -> {
        exchange.getResponseHeaders().set("Location", "http://127.0.0.1:1/");
        exchange.sendResponseHeaders(307, -1);
      }
    }
  }

  private void answer(HttpExchange exchange, String secretId, String stage) throws IOException {
    String value = secretId == null ? null : secrets.get(secretId);
    if (value == null || !"AWSCURRENT".equals(stage)) {
      error(
          exchange,
          400,
          "ResourceNotFoundException",
          "Secrets Manager can't find the specified secret.",
          null);
      return;
    }
    ObjectNode document = JSON.createObjectNode();
    document.put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + secretId);
    document.put("Name", secretId);
    document.put("VersionId", "00000000-0000-0000-0000-000000000001");
    document.put("SecretString", value);
    document.putArray("VersionStages").add("AWSCURRENT");
    document.put("CreatedDate", 1.7e9);
    reply(exchange, 200, JSON.writeValueAsBytes(document), null);
  }

  private static void error(
      HttpExchange exchange, int status, String type, String message, String retryAfter)
      throws IOException {
    ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
    reply(exchange, status, JSON.writeValueAsBytes(body), retryAfter);
  }

  private static void reply(HttpExchange exchange, int status, byte[] body, String retryAfter)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "double-request");
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("Retry-After", retryAfter);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String header(HttpExchange exchange, String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          parameters.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }
}
