package io.kailash.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.ChainSecretProvider;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.secrets.resilience.ResilientSecretProvider;
import io.kailash.secrets.resilience.StartupJitter;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wrapping provider (cache, resilience guard, start-up jitter) is transparent: it answers
 * with the wrapped provider's name and provider names, and lists what the wrapped provider lists
 * now.
 */
class ForwardingProviderTest {

  static Stream<UnaryOperator<SecretProvider>> wrappers() {
    return Stream.of(
        provider -> CachingSecretProvider.builder(provider).build(),
        provider -> ResilientSecretProvider.builder(provider).callTimeout(Duration.ZERO).build(),
        provider -> new StartupJitter(provider, Duration.ZERO, new FakeTimeSource()));
  }

  @ParameterizedTest
  @MethodSource("wrappers")
  void aWrapperAnswersWithTheWrappedProvidersNamesAndListing(UnaryOperator<SecretProvider> wrap) {
    MapSecretProvider vault = new MapSecretProvider("vault").put("db", "v");
    MapSecretProvider env = new MapSecretProvider("env").put("api-token", "t");
    SecretProvider wrapped = wrap.apply(new ChainSecretProvider(List.of(vault, env)));

    assertThat(wrapped).isInstanceOf(ForwardingProvider.class);
    assertThat(wrapped.name()).isEqualTo("chain");
    assertThat(wrapped.providerNames()).containsExactly("vault", "env");
    assertThat(wrapped.listSecrets()).containsExactly("api-token", "db");

    env.put("new-one", "n"); // listings are never cached
    assertThat(wrapped.listSecrets()).containsExactly("api-token", "db", "new-one");
    assertThat(wrap.apply(vault).name()).isEqualTo("vault");
  }
}
