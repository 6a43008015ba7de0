package io.kailash.secrets.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.EnvironmentSecretProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentProviderFactoryTest {

  private final SecretProviderFactory factory =
      SecretProviderFactories.forType("env").orElseThrow();

  @Test
  void isRegisteredAsEnvWithThePrefixKey() {
    assertThat(factory).isInstanceOf(EnvironmentProviderFactory.class);
    assertThat(factory.keys()).containsExactly("prefix");
    assertThat(factory.credentialKeys()).isEmpty();
    assertThat(SecretProviderFactories.available()).containsKey("env");
  }

  @Test
  void buildsAnEnvironmentProviderWithTheDefaultOrGivenPrefix() {
    assertThat(factory.create(ProviderSettings.of("env", Map.of())))
        .isInstanceOf(EnvironmentSecretProvider.class)
        .hasToString("EnvironmentSecretProvider[prefix=KAILASH_SECRET_]");
    assertThat(factory.create(ProviderSettings.of("env", Map.of("prefix", "APP_SECRET_"))))
        .hasToString("EnvironmentSecretProvider[prefix=APP_SECRET_]");
  }

  @Test
  void anInvalidPrefixIsAConfigurationErrorNamingTheKey() {
    assertThatThrownBy(
            () -> factory.create(ProviderSettings.of("env", Map.of("prefix", "my-prefix"))))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageStartingWith(
            "Invalid value for key 'env.prefix': Invalid environment prefix 'my-prefix'");
  }
}
