package io.kailash.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.runtime.ExecutionResult;
import io.kailash.runtime.LocalRuntime;
import io.kailash.secrets.EnvironmentSecretProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The demo workflow on LocalRuntime with an in-memory environment. */
class DemoWorkflowTest {

  private static final String KEY = "wf-signing-key-0123456789";
  private static final String TOKEN = "wf-api-token-abcdef";

  private final List<String> authorizationSeen = new CopyOnWriteArrayList<>();

  private static LocalRuntime runtime(Map<String, String> environment) {
    return new LocalRuntime(new EnvironmentSecretProvider("KAILASH_SECRET_", environment));
  }

  @Test
  void issuesAVerifiableTokenAndCallsTheServerWithExactlyBearerAndTheToken() throws Exception {
    Map<String, String> environment =
        Map.of("KAILASH_SECRET_JWT_SIGNING_KEY", KEY, "KAILASH_SECRET_API_TOKEN", TOKEN);
    ExecutionResult result;
    try (DemoApiServer server = new DemoApiServer(TOKEN, authorizationSeen::add)) {
      result = runtime(environment).execute(DemoWorkflow.build("bob", server.sessionsUrl()));
    }

    String jwt = (String) result.outputs("issue_token").get("token");
    assertThat(Jwt.verify(jwt, KEY))
        .hasValueSatisfying(claims -> assertThat(claims).containsEntry("sub", "bob"));
    assertThat(result.outputs("verify_token"))
        .containsEntry("verified", true)
        .containsEntry("subject", "bob");
    assertThat(authorizationSeen).containsExactly("Bearer " + TOKEN);
    assertThat(result.outputs("call_api"))
        .containsEntry("status", 200)
        .containsEntry("body", "accepted");
    assertThat(String.valueOf(result.results())).doesNotContain(KEY).doesNotContain(TOKEN);
  }

  @Test
  void theServerRefusesAWrongToken() throws Exception {
    Map<String, String> environment =
        Map.of("KAILASH_SECRET_JWT_SIGNING_KEY", KEY, "KAILASH_SECRET_API_TOKEN", "wrong-token");
    ExecutionResult result;
    try (DemoApiServer server = new DemoApiServer(TOKEN, authorizationSeen::add)) {
      result = runtime(environment).execute(DemoWorkflow.build("bob", server.sessionsUrl()));
    }

    assertThat(authorizationSeen).containsExactly("Bearer wrong-token");
    assertThat(result.outputs("call_api"))
        .containsEntry("status", 401)
        .containsEntry("body", "invalid token");
  }

  @Test
  void aTokenSignedWithAnotherKeyDoesNotVerify() {
    TokenVerifierNode verifier = new TokenVerifierNode();
    String foreign = Jwt.sign(Map.of("sub", "eve", "exp", Long.MAX_VALUE / 2), "another-key");
    String expired = Jwt.sign(Map.of("sub", "eve", "exp", 1), KEY);

    assertThat(verifier.run(Map.of("secret_key", KEY, "token", foreign)))
        .containsEntry("verified", false);
    assertThat(verifier.run(Map.of("secret_key", KEY, "token", expired)))
        .containsEntry("verified", false);
  }
}
