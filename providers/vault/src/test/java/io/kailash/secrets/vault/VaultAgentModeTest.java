package io.kailash.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.vault.testing.RecordedRequest;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: {@code vault.agent = true} talks to a local Vault Agent or Vault Proxy (auto-auth,
 * {@code use_auto_auth_token}) with no token and the {@code X-Vault-Request: true} header it needs.
 */
class VaultAgentModeTest {

  private final VaultApiDouble agent = VaultApiDouble.start();

  @AfterEach
  void stop() {
    agent.close();
  }

  private static ProviderSettings settings(Map<String, String> values) {
    return new ProviderSettings("vault", values, Set.of("token"));
  }

  @Test
  void readsThroughTheAgentWithoutSendingAnyToken() {
    agent.agentMode(true);
    agent.putKv2("secret", "app/db", Map.of("password", "s3cr3t-through-agent"));
    SecretProvider provider =
        new VaultProviderFactory().create(settings(Map.of("url", agent.url(), "agent", "true")));

    assertThat(provider.getSecret("app/db#password")).isEqualTo("s3cr3t-through-agent");
    assertThat(agent.requests())
        .isNotEmpty()
        .allSatisfy(
            request -> {
              assertThat(request.tokenAccessor()).as("no X-Vault-Token sent").isNull();
              assertThat(request.vaultRequestHeader()).isTrue();
            });
    assertThat(provider.toString()).contains("auth=agent(");
  }

  @Test
  void theBuilderOffersTheSameMode() {
    agent.agentMode(true);
    agent.putKv2("secret", "app/key", Map.of("value", "k3y"));
    VaultSecretProvider provider =
        VaultSecretProvider.builder().url(agent.url()).auth(VaultAuth.agent()).build();

    assertThat(provider.getSecret("app/key")).isEqualTo("k3y");
    assertThat(agent.requests()).extracting(RecordedRequest::tokenAccessor).containsOnlyNulls();
  }

  @Test
  void aTokenTogetherWithAgentModeIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                new VaultProviderFactory()
                    .create(
                        settings(Map.of("url", agent.url(), "agent", "true", "token", "hvs.x"))))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("'vault.token' cannot be used with 'vault.agent=true'")
        .hasMessageNotContaining("hvs.x");
  }
}
