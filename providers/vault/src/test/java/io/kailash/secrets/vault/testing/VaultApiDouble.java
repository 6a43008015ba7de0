package io.kailash.secrets.vault.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.kailash.secrets.resilience.TimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process stand-in for the Vault HTTP API, on a loopback port, following Vault's documented
 * wire format: response envelopes, {@code {"errors":[...]}} bodies, KV v1 and v2 (versions,
 * metadata, deletion and destruction markers, LIST with its trailing-slash rules and 404 for empty
 * lists), {@code sys/internal/ui/mounts}, {@code sys/mounts}, token lookup-self/renew-self with
 * leases on a controllable clock, AppRole, Kubernetes, JWT, TLS certificate (over a mutual-TLS
 * listener) and AWS IAM login (with a SigV4 check standing in for STS), and namespaces ({@code
 * X-Vault-Namespace} prefixes the path).
 *
 * <p>Like a dev server it starts with a KV v2 mount at {@code secret} and a root token. Tests can
 * inject faults ({@link #failNext}), add latency, and read what was requested. Not modelled: ACL
 * policies (a token has allowed path prefixes instead), PATCH, response wrapping, leases of dynamic
 * secrets.
 */
public final class VaultApiDouble implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final TokenRegistry tokens;
  private final VaultRouter router;
  private final String rootToken;
  private final FaultPlan faults = new FaultPlan();
  private final RequestLog log;
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean requireRequestHeader;
  private volatile boolean agentMode;

  private VaultApiDouble(TimeSource clock, SelfSignedTls tls) throws IOException {
    this(clock, tls, List.of());
  }

  private VaultApiDouble(TimeSource clock, SelfSignedTls tls, List<ClientCertificate> clients)
      throws IOException {
    tokens = new TokenRegistry(clock);
    router = new VaultRouter(tokens);
    log = new RequestLog(tokens);
    router.enableKv("secret", 2);
    rootToken = tokens.issue("auth/token/root", TokenSpec.of(Duration.ZERO, false)).id;
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    if (tls == null) {
      server = HttpServer.create(loopback, 50);
    } else {
      HttpsServer https = HttpsServer.create(loopback, 50);
      https.setHttpsConfigurator(
          clients.isEmpty()
              ? new HttpsConfigurator(tls.serverContext())
              : new ClientAuthRequired(tls.serverContext(clients)));
      server = https;
    }
    executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "vault-double");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a double whose token leases follow the JVM's clock. */
  public static VaultApiDouble start() {
    return start(TimeSource.system());
  }

  /** Starts a double whose token leases follow {@code clock}, e.g. a {@link FakeTimeSource}. */
  public static VaultApiDouble start(TimeSource clock) {
    return start(clock, null);
  }

  /** Starts a double that speaks HTTPS with {@code tls}'s certificate. */
  public static VaultApiDouble startTls(SelfSignedTls tls) {
    return start(TimeSource.system(), tls);
  }

  /**
   * Starts a double whose TLS listener requires a client certificate, one of {@code clients} (Vault
   * with {@code tls_require_and_verify_client_cert}); see {@link #enableCert}.
   */
  public static VaultApiDouble startMutualTls(SelfSignedTls tls, List<ClientCertificate> clients) {
    try {
      return new VaultApiDouble(TimeSource.system(), tls, clients);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Vault API double", e);
    }
  }

  private static VaultApiDouble start(TimeSource clock, SelfSignedTls tls) {
    try {
      return new VaultApiDouble(clock, tls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Vault API double", e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A token that may do everything and never expires. */
  public String rootToken() {
    return rootToken;
  }

  /** Mounts a KV engine, e.g. {@code enableKv("kv1", 1)} or {@code ("team-a/secret", 2)}. */
  public void enableKv(String mount, int kvVersion) {
    router.enableKv(mount, kvVersion);
  }

  public void disableMount(String mount) {
    router.disable(mount);
  }

  /** Writes a new version of a KV v2 secret; values may be strings, numbers, booleans or maps. */
  public int putKv2(String mount, String path, Map<String, ?> data) {
    return router.mount(mount).putV2(path, toObject(data)).number;
  }

  public void putKv1(String mount, String path, Map<String, ?> data) {
    router.mount(mount).putV1(path, toObject(data));
  }

  /** Soft-deletes a KV v2 version (it can be undeleted). */
  public void deleteVersion(String mount, String path, int version) {
    router.mount(mount).deleteVersion(path, version);
  }

  /** Destroys a KV v2 version's data for good. */
  public void destroyVersion(String mount, String path, int version) {
    router.mount(mount).destroyVersion(path, version);
  }

  /** Issues a token directly, as {@code vault token create} would. */
  public String createToken(TokenSpec spec) {
    return tokens.issue("auth/token/create", spec).id;
  }

  public void revokeToken(String token) {
    tokens.revoke(token);
  }

  /** Revokes the token with this accessor, e.g. one seen in {@link #requests()}. */
  public void revokeByAccessor(String accessor) {
    tokens.revokeByAccessor(accessor);
  }

  /** The accessor of a token, to compare with {@link RecordedRequest#tokenAccessor()}. */
  public String accessorOf(String token) {
    return tokens.accessorOf(token);
  }

  /** Mounts AppRole at {@code auth/approle} (if needed) and adds a role allowed every path. */
  public void enableAppRole(String roleId, String secretId, Duration ttl, boolean renewable) {
    enableAppRole("approle", roleId, secretId, TokenSpec.of(ttl, renewable));
  }

  public void enableAppRole(String mount, String roleId, String secretId, TokenSpec tokenSpec) {
    tokens.addRole("approle", mount, roleId, new TokenRegistry.Role(secretId, tokenSpec));
  }

  /** Mounts Kubernetes auth at {@code auth/kubernetes} and adds a role that accepts {@code jwt}. */
  public void enableKubernetes(String role, String jwt, Duration ttl, boolean renewable) {
    enableKubernetes("kubernetes", role, jwt, TokenSpec.of(ttl, renewable));
  }

  public void enableKubernetes(String mount, String role, String jwt, TokenSpec tokenSpec) {
    tokens.addRole("kubernetes", mount, role, new TokenRegistry.Role(jwt, tokenSpec));
  }

  /**
   * Mounts JWT/OIDC auth at {@code auth/<mount>} and adds a role that accepts exactly {@code jwt}
   * (the double checks no signature or claims: a different token stands for one Vault would
   * refuse).
   */
  public void enableJwt(String mount, String role, String jwt, TokenSpec tokenSpec) {
    tokens.addRole("jwt", mount, role, new TokenRegistry.Role(jwt, tokenSpec));
  }

  /**
   * Mounts TLS certificate auth at {@code auth/<mount>} with a certificate role {@code name} that
   * accepts connections presenting {@code certificate}.
   */
  public void enableCert(
      String mount, String name, ClientCertificate certificate, TokenSpec tokenSpec) {
    tokens.addRole(
        "cert", mount, name, new TokenRegistry.Role(certificate.fingerprint(), tokenSpec));
  }

  /**
   * Mounts AWS auth at {@code auth/<mount>} with a role that binds the IAM principal {@code arn};
   * see {@link #addAwsIdentity}.
   */
  public void enableAwsIam(String mount, String role, String arn, TokenSpec tokenSpec) {
    tokens.addRole("aws", mount, role, new TokenRegistry.Role(arn, tokenSpec));
  }

  /** An IAM principal the double's stand-in for STS knows: it checks SigV4 with the secret key. */
  public void addAwsIdentity(String accessKeyId, String secretAccessKey, String arn) {
    router.auth.sts.add(accessKeyId, new StsSignatureCheck.Identity(secretAccessKey, arn));
  }

  /** Requires the signed header {@code X-Vault-AWS-IAM-Server-ID} with this value (null: not). */
  public void awsIamServerId(String value) {
    router.auth.sts.serverId(value);
  }

  /** Answers 412 without {@code X-Vault-Request}, like Vault Agent's require_request_header. */
  public void requireRequestHeader(boolean required) {
    requireRequestHeader = required;
  }

  /**
   * Behaves as a Vault Agent or Vault Proxy with auto-auth and {@code use_auto_auth_token = true}:
   * requests without {@code X-Vault-Request: true} get 412, and requests without a token are sent
   * on with the agent's own (here: the root token).
   */
  public void agentMode(boolean enabled) {
    agentMode = enabled;
    requireRequestHeader = enabled;
  }

  /** Answers the next {@code count} requests (any path) with {@code fault}. */
  public void failNext(int count, VaultFault fault) {
    failNext("", count, fault);
  }

  /** Answers the next {@code count} requests whose path (after /v1/) starts with the prefix. */
  public void failNext(String pathPrefix, int count, VaultFault fault) {
    faults.add(pathPrefix, count, fault);
  }

  public void clearFaults() {
    faults.clear();
  }

  /** A real pause before every answer, e.g. to make concurrent requests overlap. */
  public void latency(Duration pause) {
    latency = pause;
  }

  public List<RecordedRequest> requests() {
    return log.requests();
  }

  public int requestCount() {
    return log.requests().size();
  }

  /** Requests whose path (after /v1/, as sent) equals {@code path}. */
  public long requestCount(String path) {
    return log.requests().stream().filter(request -> request.path().equals(path)).count();
  }

  /** The most requests the double was answering at the same time. */
  public int maxConcurrentRequests() {
    return log.maxInFlight();
  }

  public void clearRequests() {
    log.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    String relative = path.startsWith("/v1/") ? path.substring(4) : path;
    log.started(exchange, relative);
    try {
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      VaultFault fault = faults.next(relative);
      if (fault != null && FaultPlan.apply(fault, exchange)) {
        return;
      }
      answer(exchange, path, relative);
    } catch (IOException | InterruptedException clientGoneOrStopping) {
      // the client gave up (timeout, body limit) or the double is closing
    } finally {
      log.finished();
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange, String path, String relative) throws IOException {
    if (!path.startsWith("/v1/")) {
      VaultReply.errors(exchange, 404);
    } else if (requireRequestHeader
        && !"true".equals(exchange.getRequestHeaders().getFirst("X-Vault-Request"))) {
      VaultReply.errors(exchange, 412, "missing \"X-Vault-Request\" header");
    } else {
      DoubleRequest request;
      try {
        request = DoubleRequest.parse(exchange, relative);
      } catch (IllegalArgumentException badInput) {
        VaultReply.errors(exchange, 400, badInput.getMessage());
        return;
      }
      if (agentMode && request.token() == null) {
        request = request.withToken(rootToken);
      }
      router.route(exchange, request);
    }
  }

  private static ObjectNode toObject(Map<String, ?> data) {
    return VaultReply.JSON.valueToTree(data);
  }

  /** Makes the TLS handshake fail without a trusted client certificate. */
  private static final class ClientAuthRequired extends HttpsConfigurator {
    ClientAuthRequired(javax.net.ssl.SSLContext context) {
      super(context);
    }

    @Override
    public void configure(com.sun.net.httpserver.HttpsParameters params) {
      javax.net.ssl.SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
      parameters.setNeedClientAuth(true);
      params.setSSLParameters(parameters);
    }
  }
}
