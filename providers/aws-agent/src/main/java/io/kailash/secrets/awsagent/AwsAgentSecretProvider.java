package io.kailash.secrets.awsagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNames;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.internal.BoundedBodyHandler;
import io.kailash.secrets.internal.Lazy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Reads secrets through the AWS Secrets Manager Agent, the per-host caching sidecar (the same API
 * as the Lambda extension): {@code GET <url>/secretsmanager/get?secretId=NAME[&versionStage=S |
 * &versionId=ID]} with the SSRF token in {@code X-Aws-Parameters-Secrets-Token}. The agent answers
 * with GetSecretValue's document and caches for the whole host, so a fleet of JVMs sends AWS one
 * read per secret and TTL instead of one per JVM.
 *
 * <p>Names as for the {@code aws} provider: {@code NAME} or {@code NAME#field} (a field of a JSON
 * secret); a version is a staging label, or a VersionId UUID. One request per read, no retries (the
 * resilience layer retries); the timeout covers the whole exchange. Listing is not offered by the
 * agent. Build one with {@link #builder()}.
 */
public final class AwsAgentSecretProvider implements SecretProvider {

  /**
   * The provider's default name in messages and audit records ({@link
   * AwsAgentProviderBuilder#name}).
   */
  public static final String NAME = "aws-agent";

  static final int MAX_BODY_BYTES = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERSION_ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final String name;
  private final URI url;
  private final Duration timeout;
  private final SsrfToken token;
  private final Lazy<HttpClient> client = new Lazy<>();

  AwsAgentSecretProvider(String name, URI url, Duration timeout, SsrfToken token) {
    this.name = name;
    this.url = url;
    this.timeout = timeout;
    this.token = token;
  }

  public static AwsAgentProviderBuilder builder() {
    return new AwsAgentProviderBuilder();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String getSecret(String secretName, String version) {
    SecretNames.requireValid(secretName, name);
    SecretRef ref = new SecretRef(secretName, version);
    int hash = secretName.indexOf('#');
    String secretId = hash < 0 ? secretName : secretName.substring(0, hash);
    JsonNode document = read(ref, secretId, version == null ? "" : version);
    String value =
        document.path("SecretString").isTextual()
            ? document.path("SecretString").asText()
            : document.path("SecretBinary").asText(null);
    if (value == null) {
      throw AgentAnswers.failure(
          name, secretName, Reason.INVALID_RESPONSE, "the agent's answer has no secret value");
    }
    return hash < 0 ? value : field(ref, value, secretName.substring(hash + 1));
  }

  /** The agent offers no listing. */
  @Override
  public List<String> listSecrets() {
    throw AgentAnswers.failure(
        name,
        null,
        Reason.INVALID_REQUEST,
        "the Secrets Manager Agent cannot list secrets; list them with the aws provider");
  }

  private JsonNode read(SecretRef ref, String secretId, String version) {
    String query = "secretId=" + URLEncoder.encode(secretId, StandardCharsets.UTF_8);
    if (!version.isEmpty()) {
      query +=
          (VERSION_ID.matcher(version).matches() ? "&versionId=" : "&versionStage=")
              + URLEncoder.encode(version, StandardCharsets.UTF_8);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/secretsmanager/get?" + query))
            .timeout(timeout)
            .header("X-Aws-Parameters-Secrets-Token", token.read(name, ref.name()))
            .GET()
            .build();
    HttpResponse<BoundedBodyHandler.Body> response = exchange(request, ref);
    BoundedBodyHandler.Body body = response.body();
    if (body.tooLarge()) {
      throw AgentAnswers.failure(
          name,
          ref.name(),
          Reason.INVALID_RESPONSE,
          "the agent's answer is larger than " + MAX_BODY_BYTES + " bytes and was not read");
    }
    JsonNode json = parse(body.bytes());
    if (response.statusCode() != 200) {
      throw AgentAnswers.failure(
          name, ref, response.statusCode(), json, response.headers().firstValue("Retry-After"));
    }
    if (json == null || !json.isObject()) {
      throw AgentAnswers.failure(
          name, ref.name(), Reason.INVALID_RESPONSE, "the agent's answer is not a JSON document");
    }
    return json;
  }

  /** Sends and reads the whole answer within {@code timeout} (see VaultHttp for why). */
  private HttpResponse<BoundedBodyHandler.Body> exchange(HttpRequest request, SecretRef ref) {
    CompletableFuture<HttpResponse<BoundedBodyHandler.Body>> pending =
        client.get(this::newClient).sendAsync(request, new BoundedBodyHandler(MAX_BODY_BYTES));
    try {
      return pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw transport(ref, Reason.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw transport(ref, Reason.UNAVAILABLE, "interrupted while waiting for the agent");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.net.http.HttpTimeoutException) {
        throw transport(ref, Reason.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
      }
      if (cause instanceof ConnectException) {
        throw transport(ref, Reason.UNAVAILABLE, "cannot connect (connection refused)");
      }
      if (cause instanceof IOException) {
        throw transport(ref, Reason.UNAVAILABLE, "the connection failed (" + cause + ")");
      }
      throw new IllegalStateException("Secrets Manager Agent exchange failed", cause);
    }
  }

  private SecretBackendException transport(SecretRef ref, Reason reason, String problem) {
    return AgentAnswers.failure(
        name, ref.name(), reason, problem + " from the Secrets Manager Agent at " + url + ".");
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return bytes.length == 0 ? null : JSON.readTree(bytes);
    } catch (IOException notJson) {
      return null; // "Bad Token" and other plain-text answers: the status must do
    }
  }

  private String field(SecretRef ref, String value, String field) {
    JsonNode fields = parse(value.getBytes(StandardCharsets.UTF_8));
    JsonNode selected = fields == null ? null : fields.get(field);
    if (selected == null || selected.isContainerNode() || selected.isNull()) {
      throw new SecretNotFoundException(
          ref, name, "the secret is not a JSON object with a plain field '" + field + "'");
    }
    return selected.asText();
  }

  private HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public String toString() {
    return "AwsAgentSecretProvider[url=" + url + ", token=" + token + "]";
  }
}
