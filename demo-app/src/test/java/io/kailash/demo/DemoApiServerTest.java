package io.kailash.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DemoApiServerTest {

  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> post(URI url, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("x"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsOnlyTheExpectedBearerToken() throws Exception {
    try (DemoApiServer server = new DemoApiServer("right", header -> {})) {
      assertThat(server.sessionsUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(post(server.sessionsUrl(), "Bearer right").statusCode()).isEqualTo(200);
      assertThat(post(server.sessionsUrl(), "Bearer wrong").statusCode()).isEqualTo(401);
      assertThat(post(server.sessionsUrl(), "Basic right").body())
          .isEqualTo("missing bearer token");
      assertThat(post(server.sessionsUrl(), null).statusCode()).isEqualTo(401);
      HttpRequest get = HttpRequest.newBuilder(server.sessionsUrl()).GET().build();
      assertThat(client.send(get, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(405);
    }
  }

  @Test
  void withoutAConfiguredTokenEveryRequestGets503() throws Exception {
    try (DemoApiServer server = new DemoApiServer(null, header -> {})) {
      HttpResponse<String> response = post(server.sessionsUrl(), "Bearer anything");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("no API token configured");
    }
  }
}
