package io.kailash.secrets.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.policy.PolicyDefault;
import io.kailash.secrets.policy.SecretPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy.file} and {@code policy.default}, read through the agent's configuration. */
class PolicySettingsTest {

  @TempDir Path dir;

  private static SecretPolicy read(String agentArgs) {
    AgentConfig config =
        new AgentConfigLoader(new KeyCatalog(AgentKeys.defaults(), Map.of()), Map.of(), Map.of())
            .load(agentArgs, null);
    return PolicySettings.read(config);
  }

  @Test
  void byDefaultNoPolicyIsEnforced() {
    assertThat(read("").isEnforced()).isFalse();
  }

  @Test
  void theFileAndTheDefaultAreRead() throws Exception {
    Path file = dir.resolve("app.policy");
    Files.writeString(file, "api-token : com.acme.ApiNode\n", StandardCharsets.UTF_8);

    SecretPolicy policy = read("policy.file=" + file + ";policy.default=DENY");

    assertThat(policy.isEnforced()).isTrue();
    assertThat(policy.unmatched()).isEqualTo(PolicyDefault.DENY);
    assertThat(policy.file()).contains(file);
  }

  @Test
  void denyWithoutAFileIsAConfigurationError() {
    assertThatThrownBy(() -> read("policy.default=deny"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("'policy.default=deny' needs 'policy.file'");
  }

  @Test
  void anUnknownDefaultNamesTheAcceptedValues() {
    assertThatThrownBy(() -> read("policy.default=maybe"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage("Invalid value 'maybe' for 'policy.default': expected one of allow, deny.");
  }

  @Test
  void aMalformedFileNamesItsLine() throws Exception {
    Path file = dir.resolve("bad.policy");
    Files.writeString(file, "ok : com.acme.A\n\nbad : com.acme.**X\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> read("policy.file=" + file))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageStartingWith("Policy file " + file + ", line 3: bad glob: ");
  }
}
