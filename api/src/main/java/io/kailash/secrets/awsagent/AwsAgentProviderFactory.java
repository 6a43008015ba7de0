package io.kailash.secrets.awsagent;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an {@link AwsAgentSecretProvider} from the {@code aws-agent.*} keys: {@code url}, {@code
 * timeout}, and the SSRF token as {@code token-file}, {@code token-env} (default {@code AWS_TOKEN})
 * or {@code token} (a credential key: give it as {@code ${file:...}} or {@code ${env:...}}).
 */
public final class AwsAgentProviderFactory implements SecretProviderFactory {

  @Override
  public String type() {
    return AwsAgentSecretProvider.NAME;
  }

  @Override
  public Set<String> keys() {
    return Set.of("url", "timeout", "token", "token-file", "token-env");
  }

  @Override
  public Set<String> credentialKeys() {
    return Set.of("token");
  }

  @Override
  public SecretProvider create(ProviderSettings settings) {
    AwsAgentProviderBuilder builder = AwsAgentSecretProvider.builder();
    Optional<String> url = settings.get("url");
    if (url.isPresent()) {
      try {
        builder.url(url.get());
      } catch (IllegalArgumentException bad) {
        throw settings.invalid("url", "the agent's http://host:port, e.g. http://localhost:2773");
      }
    }
    builder.timeout(timeout(settings));
    settings.get("token").ifPresent(builder::token);
    settings.path("token-file").ifPresent(builder::tokenFile);
    settings.get("token-env").ifPresent(builder::tokenVariable);
    return builder.build();
  }

  @Override
  public Optional<Duration> exchangeTimeout(ProviderSettings settings) {
    return Optional.of(timeout(settings));
  }

  private static Duration timeout(ProviderSettings settings) {
    Duration timeout = settings.duration("timeout", AwsAgentProviderBuilder.DEFAULT_TIMEOUT);
    if (timeout.isNegative() || timeout.isZero()) {
      throw settings.invalid("timeout", "a positive duration such as 5s");
    }
    return timeout;
  }
}
