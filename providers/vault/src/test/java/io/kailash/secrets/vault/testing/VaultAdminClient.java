package io.kailash.secrets.vault.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sets up test data through Vault's HTTP API, so the same setup works against a real Vault and the
 * double: mounts KV engines, writes, deletes and destroys versions.
 */
public final class VaultAdminClient {

  private final String url;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public VaultAdminClient(String url, String token) {
    this.url = url.replaceAll("/+$", "");
    this.token = token;
  }

  public void enableKv(String mount, int kvVersion) {
    send(
        "POST",
        "sys/mounts/" + mount,
        Map.of("type", "kv", "options", Map.of("version", Integer.toString(kvVersion))));
  }

  public void disableMount(String mount) {
    send("DELETE", "sys/mounts/" + mount, null);
  }

  /**
   * Writes a new KV v2 version; retried briefly because a freshly mounted v2 engine answers
   * "upgrading" errors for a moment.
   *
   * @return the version number written
   */
  public int writeKv2(String mount, String path, Map<String, ?> data) {
    for (int attempt = 1; ; attempt++) {
      try {
        return send("POST", mount + "/data/" + encode(path), Map.of("data", data))
            .path("data")
            .path("version")
            .asInt();
      } catch (IllegalStateException e) {
        if (attempt >= 20) {
          throw e;
        }
        pause();
      }
    }
  }

  public void writeKv1(String mount, String path, Map<String, ?> data) {
    send("POST", mount + "/" + encode(path), data);
  }

  public void deleteKv2Versions(String mount, String path, Integer... versions) {
    send("POST", mount + "/delete/" + encode(path), Map.of("versions", List.of(versions)));
  }

  public void destroyKv2Versions(String mount, String path, Integer... versions) {
    send("POST", mount + "/destroy/" + encode(path), Map.of("versions", List.of(versions)));
  }

  private JsonNode send(String method, String path, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url + "/v1/" + path))
              .header("X-Vault-Token", token)
              .header("X-Vault-Request", "true")
              .timeout(Duration.ofSeconds(10));
      request.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(VaultReply.JSON.writeValueAsBytes(body)));
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() >= 300) {
        // The status only: error bodies are safe to show, but keep test output minimal.
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
      }
      byte[] bytes = response.body();
      return bytes.length == 0
          ? VaultReply.JSON.createObjectNode()
          : VaultReply.JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach Vault at " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(String path) {
    return Arrays.stream(path.split("/"))
        .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("/"));
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
