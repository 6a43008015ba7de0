package io.kailash.secrets.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretProvider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A factory overrides {@code keys()} or {@code describedKeys()}; the other is derived from it, so
 * factories written before {@code describedKeys()} existed keep working, and the built-in ones
 * write their keys once.
 */
class SecretProviderFactoryKeysTest {

  private abstract static class NoProvider implements SecretProviderFactory {
    @Override
    public String type() {
      return "custom";
    }

    @Override
    public SecretProvider create(ProviderSettings settings) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aFactoryThatOverridesKeysOnlyHasThemDescribedWithoutDefaults() {
    SecretProviderFactory factory =
        new NoProvider() {
          @Override
          public Set<String> keys() {
            return Set.of("url", "mount");
          }
        };

    assertThat(factory.keys()).containsExactlyInAnyOrder("url", "mount");
    assertThat(factory.describedKeys())
        .containsExactly(ConfigKey.noDefault("mount", ""), ConfigKey.noDefault("url", ""));
  }

  @Test
  void aFactoryThatOverridesDescribedKeysOnlyHasTheirNamesAsKeys() {
    List<ConfigKey> described =
        List.of(ConfigKey.of("timeout", "5s", "one exchange"), ConfigKey.noDefault("url", "where"));
    SecretProviderFactory factory =
        new NoProvider() {
          @Override
          public List<ConfigKey> describedKeys() {
            return described;
          }
        };

    assertThat(factory.keys()).containsExactlyInAnyOrder("timeout", "url");
    assertThat(factory.describedKeys()).isEqualTo(described);
  }

  @Test
  void aFactoryThatOverridesNeitherHasNoKeys() {
    SecretProviderFactory factory = new NoProvider() {};

    assertThat(factory.keys()).isEmpty();
    assertThat(factory.describedKeys()).isEmpty();
    assertThat(factory.keys()).isEmpty(); // and again: nothing left over from the first call
  }

  @Test
  void aFactoryThatOverridesBothAnswersWithItsOwn() {
    SecretProviderFactory factory =
        new NoProvider() {
          @Override
          public Set<String> keys() {
            return Set.of("a");
          }

          @Override
          public List<ConfigKey> describedKeys() {
            return List.of(ConfigKey.of("a", "1", "the a"));
          }
        };

    assertThat(factory.keys()).containsExactly("a");
    assertThat(factory.describedKeys()).containsExactly(ConfigKey.of("a", "1", "the a"));
  }

  @Test
  void everyFactoryOnTheClassPathHasItsDescribedKeysAsKeys() {
    assertThat(SecretProviderFactories.available().values())
        .isNotEmpty()
        .allSatisfy(
            factory ->
                assertThat(factory.keys())
                    .as(factory.type())
                    .isNotEmpty()
                    .isEqualTo(ConfigKey.names(factory.describedKeys())));
  }
}
