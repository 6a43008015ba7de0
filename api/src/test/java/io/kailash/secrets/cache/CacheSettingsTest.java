package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.testing.ManualExecutor;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {

  private final MapSecretProvider backend = new MapSecretProvider("vault").put("s", "v");
  private final FakeTimeSource clock = new FakeTimeSource();

  @Test
  void appliesTheConfiguredKeys() {
    ProviderSettings settings =
        ProviderSettings.of(
            "cache",
            Map.of(
                "ttl", "2m",
                "refresh-ahead", "50%",
                "jitter", "0",
                "negative-ttl", "0",
                "max-entries", "1"));
    ManualExecutor refreshes = new ManualExecutor();
    CachingSecretProvider cache =
        CachingSecretProvider.builder(backend)
            .timeSource(clock)
            .refreshExecutor(refreshes)
            .settings(settings)
            .build();

    cache.getSecret("s");
    clock.advance(Duration.ofMinutes(1));
    cache.getSecret("s");
    assertThat(refreshes.pending()).as("refresh-ahead at 50 %% of 2m").isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    cache.getSecret("s");
    assertThat(backend.calls()).as("expired after 2m").isEqualTo(2);
  }

  @Test
  void reportsEveryMalformedKeyByItsFullName() {
    for (String key : CachingSecretProvider.KEYS) {
      if (key.equals("enabled")) {
        continue; // read by the caller
      }
      ProviderSettings settings = ProviderSettings.of("cache", Map.of(key, "nonsense"));
      assertThatThrownBy(() -> CachingSecretProvider.fromSettings(backend, settings))
          .as(key)
          .isInstanceOf(SecretsConfigurationException.class)
          .hasMessageContaining("'cache." + key + "'");
    }
  }

  @Test
  void reportsOutOfRangeValuesWithTheAcceptedRange() {
    assertThatThrownBy(
            () ->
                CachingSecretProvider.fromSettings(
                    backend, ProviderSettings.of("cache", Map.of("refresh-ahead", "1.5"))))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("cache.refresh-ahead")
        .hasMessageContaining("below 1");
    assertThatThrownBy(
            () ->
                CachingSecretProvider.fromSettings(
                    backend, ProviderSettings.of("cache", Map.of("ttl", "0s"))))
        .hasMessageContaining("cache.ttl")
        .hasMessageContaining("must be positive");
  }

  @Test
  void theKeysTheCatalogReadsAreExactlyTheKeysTheBindingsApply() {
    assertThat(CachingSecretProviderBuilder.KEYS)
        .isEqualTo(CachingSecretProviderBuilder.boundKeys());
  }
}
