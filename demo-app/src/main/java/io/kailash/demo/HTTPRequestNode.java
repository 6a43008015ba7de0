package io.kailash.demo;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one HTTP request. Its headers usually carry the injected {@code api-token} through a
 * placeholder, e.g. {@code "Authorization": "Bearer {api_token}"}, so the token never appears in
 * the workflow.
 *
 * <p>Inputs: {@code url}, {@code method} (default GET), {@code headers} (map), {@code body}
 * (string, optional), {@code timeout_seconds} (default 10). Outputs: {@code status}, {@code body}.
 */
@SecretRequirement(name = "api-token", parameter = "api_token")
public class HTTPRequestNode extends Node {

  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    InjectedSecret.require(inputs, "api_token", getClass());
    Duration timeout =
        Duration.ofSeconds(((Number) inputs.getOrDefault("timeout_seconds", 10)).longValue());
    Object body = inputs.get("body");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(String.valueOf(inputs.get("url"))))
            .timeout(timeout)
            .method(
                String.valueOf(inputs.getOrDefault("method", "GET")),
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (inputs.get("headers") instanceof Map<?, ?> headers) {
      headers.forEach((name, value) -> request.header(name.toString(), value.toString()));
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return Map.of("status", response.statusCode(), "body", response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Request to " + inputs.get("url") + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + inputs.get("url"), e);
    }
  }
}
