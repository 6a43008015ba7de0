package io.kailash.secrets.agent.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.ChainSecretProvider;
import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An extension's provider that does not take its instance's name (its factory ignores {@code
 * ProviderSettings.prefix()}) still answers to that name in the chain and in its failures.
 */
class InstanceNamedProviderTest {

  /** Names itself "gcpsecretmanager", like a provider with the default name(). */
  private static final class GcpSecretManagerProvider implements SecretProvider {
    @Override
    public String getSecret(String name, String version) {
      if (name.equals("down")) {
        throw new SecretBackendException(name(), name, Reason.THROTTLED, "slow down")
            .retryAfter(Duration.ofSeconds(2));
      }
      throw new SecretNotFoundException(new SecretRef(name, version), name(), "no such secret");
    }

    @Override
    public List<String> listSecrets() {
      throw new SecretBackendException(name(), null, Reason.ACCESS_DENIED, "may not list");
    }
  }

  @Test
  void aProviderThatIgnoresItsInstanceNameIsNamedByTheAgent() {
    SecretProvider named = InstanceNamedProvider.named(new GcpSecretManagerProvider(), "gcp-eu");

    assertThat(named.name()).isEqualTo("gcp-eu");
    assertThat(named.providerNames()).containsExactly("gcp-eu");
    assertThat(named.toString()).isEqualTo("gcp-eu");
    assertThatThrownBy(() -> named.getSecret("down"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            failure -> {
              assertThat(failure.provider()).isEqualTo("gcp-eu");
              assertThat(failure.reason()).isEqualTo(Reason.THROTTLED);
              assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
              assertThat(failure.detail()).isEqualTo("slow down");
            })
        .hasMessageStartingWith("Provider gcp-eu failed reading secret 'down'");
    assertThatThrownBy(named::listSecrets).hasMessageStartingWith("Provider gcp-eu failed");
    assertThatThrownBy(() -> named.getSecret("absent"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            absent -> assertThat(absent.providersTried()).containsExactly("gcp-eu"));
  }

  @Test
  void inAChainTheInstanceNameIsWhatProvidersTriedShows() {
    SecretProvider chain =
        new ChainSecretProvider(
            List.of(
                InstanceNamedProvider.named(new GcpSecretManagerProvider(), "gcp-eu"),
                new EnvironmentSecretProvider("T_", Map.of())));

    assertThat(chain.providerNames()).containsExactly("gcp-eu", "env");
    assertThatThrownBy(() -> chain.getSecret("absent"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            absent -> assertThat(absent.providersTried()).containsExactly("gcp-eu", "env"));
  }

  @Test
  void aProviderThatAlreadyHasTheNameIsNotWrapped() {
    SecretProvider env = new EnvironmentSecretProvider("T_", Map.of());
    assertThat(InstanceNamedProvider.named(env, "env")).isSameAs(env);
  }
}
