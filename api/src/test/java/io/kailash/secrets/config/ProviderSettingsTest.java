package io.kailash.secrets.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

  private final ProviderSettings settings =
      new ProviderSettings(
          "vault",
          Map.of(
              "url", " http://127.0.0.1:8200 ",
              "attempts", "3",
              "bad-number", "three",
              "tls", "yes",
              "bad-bool", "maybe",
              "timeout", "250ms",
              "bad-timeout", "PTX",
              "blank", "  ",
              "token", "s.VALUE-OF-TOKEN",
              "ca", "/etc/ca.pem"),
          Set.of("token"));

  @Test
  void typedGettersTrimAndFallBackToDefaults() {
    assertThat(settings.get("url")).contains("http://127.0.0.1:8200");
    assertThat(settings.get("blank")).isEmpty();
    assertThat(settings.string("missing", "dflt")).isEqualTo("dflt");
    assertThat(settings.integer("attempts", 1)).isEqualTo(3);
    assertThat(settings.integer("missing", 7)).isEqualTo(7);
    assertThat(settings.bool("tls", false)).isTrue();
    assertThat(settings.bool("missing", true)).isTrue();
    assertThat(settings.duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.duration("missing", Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.path("ca")).contains(Path.of("/etc/ca.pem"));
    assertThat(settings.require("url")).isEqualTo("http://127.0.0.1:8200");
  }

  @Test
  void errorsNameTheFullKeyAndWhatIsAccepted() {
    assertThatThrownBy(() -> settings.require("role"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage("Missing required key 'vault.role' for provider 'vault'.");
    assertThatThrownBy(() -> settings.require("blank")).hasMessageContaining("'vault.blank'");
    assertThatThrownBy(() -> settings.integer("bad-number", 1))
        .hasMessage(
            "Invalid value 'three' for key 'vault.bad-number': expected a whole number such as 3.");
    assertThatThrownBy(() -> settings.bool("bad-bool", false))
        .hasMessage("Invalid value 'maybe' for key 'vault.bad-bool': expected true or false.");
    assertThatThrownBy(() -> settings.duration("bad-timeout", Duration.ZERO))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("'vault.bad-timeout'")
        .hasMessageContaining("a duration such as 250ms");
  }

  @Test
  void credentialValuesAreNeverShown() {
    assertThatThrownBy(() -> settings.integer("token", 1))
        .hasMessage(
            "Invalid value (masked) for key 'vault.token': expected a whole number such as 3.")
        .message()
        .doesNotContain("VALUE-OF-TOKEN");
    assertThat(settings.toString())
        .contains("token=****")
        .contains("attempts=3")
        .doesNotContain("VALUE-OF-TOKEN");
    assertThat(ProviderSettings.of("env", Map.of()).toString()).isEqualTo("env{}");
    assertThat(settings.fullKey("url")).isEqualTo("vault.url");
  }
}
