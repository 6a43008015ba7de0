package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.JmxApp;
import io.kailash.secrets.aws.testing.SecretsManagerDouble;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: the per-host caching sidecars as providers, through the agent. {@code vault.agent=true}
 * against the Vault double acting as a Vault Agent (412 without {@code X-Vault-Request}, its own
 * token when none is sent), and {@code providers=aws-agent} against a double of the AWS Secrets
 * Manager Agent's API with the SSRF token from an environment variable.
 */
class SidecarsThroughTheAgentIT {

  private static final String API_TOKEN = "tok-s1decar-1t-api-secret";
  private static final List<String> EXPECTED =
      List.of(
          "token=injected",
          "token=injected",
          "cache-mbean=found",
          "hits=1",
          "size-after-invalidateAll=0",
          "provider-mbean=found");

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void vaultAgentModeSendsNoTokenAndTheRequestHeader(Jdk jdk) throws Exception {
    jdk.assumePresent();
    try (VaultApiDouble vaultAgent = VaultApiDouble.start()) {
      vaultAgent.agentMode(true);
      vaultAgent.putKv2("secret", "app/api-token", Map.of("value", API_TOKEN));

      JvmRun run =
          ForkedJvm.of(jdk, JmxApp.class)
              .env("EXPECTED_API_TOKEN", API_TOKEN)
              .agent("providers=vault;vault.url=" + vaultAgent.url() + ";vault.agent=true")
              .run();

      run.assertClean(EXPECTED, API_TOKEN, vaultAgent.rootToken());
      assertThat(vaultAgent.requests())
          .isNotEmpty()
          .allSatisfy(
              request -> {
                assertThat(request.tokenAccessor()).isNull();
                assertThat(request.vaultRequestHeader()).isTrue();
              });
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void theSecretsManagerAgentProviderReadsThroughTheSidecar(Jdk jdk) throws Exception {
    jdk.assumePresent();
    try (SecretsManagerDouble smAgent = SecretsManagerDouble.start()) {
      smAgent.put("app/api-token", API_TOKEN);

      JvmRun run =
          ForkedJvm.of(jdk, JmxApp.class)
              .env("EXPECTED_API_TOKEN", API_TOKEN)
              .env("SM_AGENT_TOKEN", smAgent.agentToken())
              .agent(
                  "providers=aws-agent;aws-agent.url="
                      + smAgent.url()
                      + ";aws-agent.token-env=SM_AGENT_TOKEN")
              .run();

      run.assertClean(EXPECTED, API_TOKEN, smAgent.agentToken());
      assertThat(smAgent.requestCount()).isEqualTo(1); // then the agent's cache answers
    }
  }
}
