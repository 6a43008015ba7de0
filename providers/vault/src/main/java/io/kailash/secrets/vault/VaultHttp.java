package io.kailash.secrets.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.internal.BoundedBodyHandler;
import io.kailash.secrets.internal.Lazy;
import io.kailash.secrets.internal.RetryAfterHeader;
import io.kailash.secrets.internal.UntrustedText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange with Vault: builds the request with Vault's headers, reads the answer up to
 * {@link #MAX_BODY_BYTES}, and maps every failure to a {@link SecretBackendException}. Retrying and
 * tokens are the caller's business.
 *
 * <p>The JDK {@link HttpClient} is created on first use, not in the constructor: building one
 * starts a selector thread, which a JVM that never reads a Vault secret should not pay for.
 */
final class VaultHttp {

  /** Vault KV answers are small; anything larger is refused unread. */
  static final int MAX_BODY_BYTES = 1 << 20;

  static final ObjectMapper JSON = new ObjectMapper();

  private static final Logger log = LoggerFactory.getLogger(VaultHttp.class);

  private final VaultEndpoint endpoint;
  private final ClientKeyStore clientKeys;
  private final Lazy<HttpClient> client = new Lazy<>();

  VaultHttp(VaultEndpoint endpoint) {
    this(endpoint, null);
  }

  /**
   * @param clientKeys the client certificate for TLS certificate auth, or null
   */
  VaultHttp(VaultEndpoint endpoint, ClientKeyStore clientKeys) {
    this.endpoint = endpoint;
    this.clientKeys = clientKeys;
  }

  VaultEndpoint endpoint() {
    return endpoint;
  }

  /**
   * Sends {@code request}.
   *
   * @param token the client token, or null for login calls
   * @return the answer when it is 2xx, or 404 with Vault's JSON body
   * @throws SecretBackendException for every other answer and for transport failures
   */
  VaultResponse send(VaultRequest request, String token) {
    HttpResponse<BoundedBodyHandler.Body> response = exchange(request, token);
    int status = response.statusCode();
    log.debug("Vault {} -> HTTP {}", request, status);
    BoundedBodyHandler.Body body = response.body();
    if (body.tooLarge()) {
      throw VaultErrors.invalidResponse(
          endpoint, request, "is larger than " + MAX_BODY_BYTES + " bytes and was not read");
    }
    if (status >= 200 && status < 300 || status == 404) {
      JsonNode json = parse(request, body.bytes(), status);
      if (status == 404 && VaultErrors.errorsOf(json).stream().anyMatch(VaultHttp::isNoRoute)) {
        throw VaultErrors.forStatus(endpoint, request, status, json);
      }
      return new VaultResponse(status, json);
    }
    if (status >= 300 && status < 400) {
      // A standby without request forwarding redirects to the active node; the token is not
      // sent on to wherever a redirect points.
      throw VaultErrors.failure(
          endpoint,
          request,
          Reason.MISCONFIGURED,
          "Vault redirected "
              + request
              + " (HTTP "
              + status
              + ") to "
              + UntrustedText.quote(response.headers().firstValue("Location").orElse("nowhere"))
              + "; set url to the active node's (or the load balancer's) address.");
    }
    SecretBackendException failure =
        VaultErrors.forStatus(endpoint, request, status, parseLeniently(body.bytes()));
    if (status == 429 || status == 503) {
      failure.retryAfter(
          RetryAfterHeader.parse(response.headers().firstValue("Retry-After"), Instant.now())
              .orElse(null));
    }
    throw failure;
  }

  /**
   * Sends and reads the whole answer within the endpoint's timeout. The JDK's request timeout
   * covers only the wait for the response headers, so a server that sends headers and then stalls
   * the body would block the caller forever: the overall wait is bounded here, and cancelling the
   * future aborts the exchange (JDK 16+, JDK-8245462).
   */
  private HttpResponse<BoundedBodyHandler.Body> exchange(VaultRequest request, String token) {
    HttpRequest built;
    try {
      built = build(request, token);
    } catch (IllegalArgumentException badHeader) {
      // The JDK's message quotes the header value, which is the token: keep neither it nor the
      // exception. A token from configuration was checked already; this one came from a login.
      throw transport(
          request,
          Reason.MISCONFIGURED,
          "a header (the token, or the namespace) holds characters HTTP does not allow; its value"
              + " is not shown");
    }
    CompletableFuture<HttpResponse<BoundedBodyHandler.Body>> pending =
        client.get(this::newClient).sendAsync(built, new BoundedBodyHandler(MAX_BODY_BYTES));
    try {
      return pending.get(endpoint.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw timeout(request);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw transport(request, Reason.UNAVAILABLE, "interrupted while waiting for Vault");
    } catch (ExecutionException e) {
      throw transportFailure(request, e.getCause());
    }
  }

  /** Client failures become messages of our own: the client's text is sanitized, never kept. */
  private SecretBackendException transportFailure(VaultRequest request, Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return timeout(request);
    }
    if (cause instanceof ConnectException) {
      return transport(request, Reason.UNAVAILABLE, "cannot connect (connection refused)");
    }
    if (cause instanceof SSLException) {
      return transport(
          request,
          Reason.MISCONFIGURED,
          "the TLS handshake failed ("
              + UntrustedText.quote(cause.getMessage())
              + "). If Vault's certificate comes from a private CA, set ca-cert to its PEM file");
    }
    if (cause instanceof IOException) {
      return transport(
          request,
          Reason.UNAVAILABLE,
          "the connection failed ("
              + cause.getClass().getName()
              + ": "
              + UntrustedText.quote(cause.getMessage())
              + ")");
    }
    return transport(
        request,
        Reason.INTERNAL,
        "the HTTP client failed (" + cause.getClass().getName() + "; its message is not shown)");
  }

  private SecretBackendException timeout(VaultRequest request) {
    return transport(
        request, Reason.TIMEOUT, "no answer within " + endpoint.timeout().toMillis() + " ms");
  }

  private HttpRequest build(VaultRequest request, String token) {
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(endpoint.uriOf(request))
            .timeout(endpoint.timeout())
            // Vault Agent/Proxy with require_request_header answer 412 without it.
            .header("X-Vault-Request", "true");
    if (request.body() != null) {
      body = HttpRequest.BodyPublishers.ofByteArray(toJson(request));
      builder.header("Content-Type", "application/json");
    }
    if (token != null) {
      builder.header("X-Vault-Token", token);
    }
    if (endpoint.namespace() != null) {
      builder.header("X-Vault-Namespace", endpoint.namespace());
    }
    return builder.method(request.method(), body).build();
  }

  private HttpClient newClient() {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            // Vault does not speak cleartext HTTP/2, so skip the h2c upgrade attempt.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(endpoint.timeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (endpoint.caCert() != null || clientKeys != null) {
      builder.sslContext(
          TlsTrust.context(
              endpoint.caCert(),
              clientKeys == null ? null : clientKeys.keyManagers(endpoint.provider()),
              endpoint.provider()));
    }
    return builder.build();
  }

  private JsonNode parse(VaultRequest request, byte[] bytes, int status) {
    if (bytes.length == 0) {
      if (status == 404) {
        throw VaultErrors.invalidResponse(endpoint, request, "is a 404 without Vault's JSON body");
      }
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      // Jackson's message quotes the offending text, which may be part of a secret: drop it.
      throw VaultErrors.invalidResponse(
          endpoint, request, "(HTTP " + status + ") is not valid JSON");
    }
  }

  private static JsonNode parseLeniently(byte[] bytes) {
    try {
      return bytes.length == 0 ? null : JSON.readTree(bytes);
    } catch (IOException e) {
      return null; // a proxy's HTML error page: the status alone must do
    }
  }

  private static boolean isNoRoute(String error) {
    return error.contains("no handler for route");
  }

  private byte[] toJson(VaultRequest request) {
    try {
      return JSON.writeValueAsBytes(request.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request body as JSON", e);
    }
  }

  private SecretBackendException transport(VaultRequest request, Reason reason, String problem) {
    return VaultErrors.failure(
        endpoint, request, reason, problem + " for " + request + " at " + endpoint.baseUri() + ".");
  }
}
