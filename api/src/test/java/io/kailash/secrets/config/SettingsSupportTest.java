package io.kailash.secrets.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsSupportTest {

  @Test
  void readsByteSizesWithOrWithoutAUnit() {
    assertThat(bytes("1048576")).isEqualTo(1_048_576);
    assertThat(bytes("512KB")).isEqualTo(512 * 1024);
    assertThat(bytes("10 mb")).isEqualTo(10L << 20);
    assertThat(bytes("1G")).isEqualTo(1L << 30);
  }

  @Test
  void rejectsMalformedByteSizesNamingTheKey() {
    for (String bad : List.of("ten", "10XB", "MB", "99999999999999999GB")) {
      assertThatThrownBy(() -> bytes(bad))
          .as(bad)
          .isInstanceOf(SecretsConfigurationException.class)
          .hasMessageContaining("'audit.max-file-size'")
          .hasMessageContaining("10MB");
    }
  }

  @Test
  void readsFractionsAsDecimalsOrPercentages() {
    assertThat(fraction("0.8")).isEqualTo(0.8);
    assertThat(fraction("80%")).isEqualTo(0.8);
    assertThatThrownBy(() -> fraction("most"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("'cache.refresh-ahead'");
  }

  @Test
  void leavesTheDefaultAloneWhenTheKeyIsAbsent() {
    List<Duration> applied = new ArrayList<>();
    SettingsSupport.duration(ProviderSettings.of("cache", Map.of()), "ttl", applied::add);
    assertThat(applied).isEmpty();
  }

  @Test
  void turnsASetterRejectionIntoAConfigurationError() {
    ProviderSettings settings = ProviderSettings.of("cache", Map.of("ttl", "0s"));
    assertThatThrownBy(
            () ->
                SettingsSupport.duration(
                    settings, "ttl", ttl -> SettingsSupport.positive(ttl, "ttl")))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("'cache.ttl'")
        .hasMessageContaining("must be positive");
  }

  @Test
  void aCheckedStepsRejectionNamesTheFullKeyAndKeepsTheReason() {
    ProviderSettings settings = ProviderSettings.of("env", Map.of("prefix", "bad prefix"));
    IllegalArgumentException reason = new IllegalArgumentException("no spaces allowed");

    assertThatThrownBy(
            () ->
                SettingsSupport.checked(
                    settings,
                    "prefix",
                    (Runnable)
                        () -> {
                          throw reason;
                        }))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage("Invalid value for key 'env.prefix': no spaces allowed")
        .hasCause(reason);
    assertThat(SettingsSupport.checked(settings, "prefix", () -> "built")).isEqualTo("built");
  }

  @Test
  void anExpectingStepsRejectionSaysWhatIsExpectedAndMasksCredentials() {
    ProviderSettings settings =
        new ProviderSettings(
            "aws-agent", Map.of("url", "ftp://x", "token", "s3cret"), java.util.Set.of("token"));
    Runnable refuse =
        () -> {
          throw new IllegalArgumentException("scheme");
        };

    assertThatThrownBy(() -> SettingsSupport.expecting(settings, "url", "an http URL", refuse))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage("Invalid value 'ftp://x' for key 'aws-agent.url': expected an http URL.");
    assertThatThrownBy(() -> SettingsSupport.expecting(settings, "token", "a token", refuse))
        .hasMessage("Invalid value (masked) for key 'aws-agent.token': expected a token.")
        .hasMessageNotContaining("s3cret");
    List<String> ran = new ArrayList<>();
    SettingsSupport.expecting(settings, "url", "an http URL", () -> ran.add("ran"));
    assertThat(ran).containsExactly("ran");
  }

  private static long bytes(String text) {
    long[] result = {-1};
    SettingsSupport.byteSize(
        ProviderSettings.of("audit", Map.of("max-file-size", text)),
        "max-file-size",
        value -> result[0] = value);
    return result[0];
  }

  private static double fraction(String text) {
    double[] result = {-1};
    SettingsSupport.fraction(
        ProviderSettings.of("cache", Map.of("refresh-ahead", text)),
        "refresh-ahead",
        value -> result[0] = value);
    return result[0];
  }
}
