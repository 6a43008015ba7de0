package io.kailash.secrets.awsagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.aws.testing.SecretsManagerDouble;
import io.kailash.secrets.aws.testing.SecretsManagerDouble.Fault;
import io.kailash.secrets.config.ProviderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS Secrets Manager Agent provider against a double of the agent's documented API: {@code GET
 * /secretsmanager/get?secretId=...} with {@code X-Aws-Parameters-Secrets-Token}, GetSecretValue's
 * document back, the service's error document otherwise.
 */
@Timeout(30)
class AwsAgentSecretProviderTest {

  private static final String VALUE = "{\"username\":\"app\",\"password\":\"pw-thr0ugh-agent\"}";

  @TempDir Path dir;

  private final SecretsManagerDouble agent = SecretsManagerDouble.start();

  @AfterEach
  void stop() {
    agent.close();
  }

  private AwsAgentProviderBuilder builder() {
    agent.put("app/db", VALUE);
    return AwsAgentSecretProvider.builder()
        .url(agent.url())
        .environment(Map.of("AWS_TOKEN", agent.agentToken()));
  }

  private static SecretBackendException fails(SecretProvider provider, String name) {
    SecretBackendException e =
        catchThrowableOfType(SecretBackendException.class, () -> provider.getSecret(name));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain("pw-thr0ugh-agent", "agent-ssrf-token");
    return e;
  }

  @Test
  void aNamedInstanceFailsUnderItsOwnName() {
    SecretProvider provider =
        new AwsAgentProviderFactory()
            .create(
                new ProviderSettings(
                    "aws-agent-eu",
                    Map.of("url", agent.url(), "token", agent.agentToken()),
                    Set.of("token")));
    agent.failNext(1, Fault.error(400, "AccessDeniedException"));

    assertThat(provider.name()).isEqualTo("aws-agent-eu");
    assertThat(fails(provider, "app/db").provider()).isEqualTo("aws-agent-eu");
    assertThat(AwsAgentSecretProvider.builder().build().name()).isEqualTo("aws-agent");
  }

  @Test
  void readsAWholeSecretAndAFieldWithTheTokenFromAwsToken() {
    AwsAgentSecretProvider provider = builder().build();

    assertThat(provider.getSecret("app/db")).isEqualTo(VALUE);
    assertThat(provider.getSecret("app/db#password")).isEqualTo("pw-thr0ugh-agent");
    assertThat(provider.getSecret("app/db", "AWSCURRENT")).isEqualTo(VALUE);
    assertThat(agent.requestCount()).isEqualTo(3);
  }

  @Test
  void theTokenMayComeFromAFileThroughTheFactory() throws Exception {
    Path tokenFile = dir.resolve("awssmatoken");
    Files.writeString(tokenFile, agent.agentToken() + "\n");
    agent.put("app/key", "k3y");
    SecretProvider provider =
        new AwsAgentProviderFactory()
            .create(
                new ProviderSettings(
                    "aws-agent",
                    Map.of("url", agent.url(), "token-file", tokenFile.toString()),
                    Set.of("token")));

    assertThat(provider.getSecret("app/key")).isEqualTo("k3y");
  }

  @Test
  void anAbsentSecretOrStageIsNotFound() {
    AwsAgentSecretProvider provider = builder().build();

    assertThat(
            catchThrowableOfType(
                SecretNotFoundException.class, () -> provider.getSecret("app/none")))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                SecretNotFoundException.class, () -> provider.getSecret("app/db", "AWSPREVIOUS")))
        .isNotNull();
  }

  @Test
  void aWrongOrMissingTokenIsAConfigurationProblem() {
    SecretBackendException wrong =
        fails(builder().environment(Map.of("AWS_TOKEN", "wrong")).build(), "app/db");
    assertThat(wrong.reason()).isEqualTo(Reason.MISCONFIGURED);
    assertThat(wrong.getMessage()).contains("refused the SSRF token");

    SecretBackendException missing = fails(builder().environment(Map.of()).build(), "app/db");
    assertThat(missing.reason()).isEqualTo(Reason.MISCONFIGURED);
    assertThat(missing.getMessage()).contains("AWS_TOKEN is not set");
    assertThat(agent.requestCount()).isEqualTo(1);
  }

  @Test
  void serviceErrorsAndThrottlingAreMapped() {
    AwsAgentSecretProvider provider = builder().build();
    agent.failNext(1, Fault.error(400, "AccessDeniedException"));
    assertThat(fails(provider, "app/db").reason()).isEqualTo(Reason.ACCESS_DENIED);

    agent.failNext(1, Fault.error(504, "TimeoutError"));
    assertThat(fails(provider, "app/db").reason()).isEqualTo(Reason.TIMEOUT);

    agent.failNext(1, new Fault(429, "ThrottlingException", "4", Duration.ZERO));
    SecretBackendException throttled = fails(provider, "app/db");
    assertThat(throttled.reason()).isEqualTo(Reason.THROTTLED);
    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(4));
  }

  @Test
  void anErrorTypeThatIsNotAPlainIdentifierIsNotQuoted() {
    AwsAgentSecretProvider provider = builder().build();
    agent.failNext(1, Fault.error(500, "Evil\nInjected: text"));

    SecretBackendException e = fails(provider, "app/db");

    assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
    assertThat(e.getMessage()).contains("(HTTP 500)").doesNotContain("Injected");
  }

  @Test
  void aHangingAgentIsATimeoutOfTheWholeExchange() {
    AwsAgentSecretProvider provider = builder().timeout(Duration.ofMillis(300)).build();
    agent.failNext(1, Fault.hang(Duration.ofSeconds(20)));

    SecretBackendException e = fails(provider, "app/db");

    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e.getMessage()).contains("no answer within 300 ms");
  }

  @Test
  void aUrlWithAPathIsRefused() {
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class,
                () -> AwsAgentSecretProvider.builder().url("http://localhost:2773/secretsmanager")))
        .hasMessageContaining("http://localhost:2773");
  }
}
