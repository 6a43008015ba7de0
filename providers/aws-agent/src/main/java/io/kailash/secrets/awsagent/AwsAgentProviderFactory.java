package io.kailash.secrets.awsagent;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ConfigKey;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SettingsSupport;
import java.time.Duration;
import java.util.List;
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

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.of(
              "url",
              "http://localhost:2773",
              "the AWS Secrets Manager Agent (the per-host caching sidecar, same API as the Lambda"
                  + " extension), read with `GET /secretsmanager/get?secretId=NAME[&versionStage=S"
                  + " | &versionId=ID]`; names as for `aws` (`NAME#field` for a JSON field); no"
                  + " listing"),
          ConfigKey.noDefault(
              "token-file",
              "a file holding the agent's SSRF token (the agent's install script writes"
                  + " `/var/run/awssmatoken`), read at each request and sent as"
                  + " `X-Aws-Parameters-Secrets-Token`"),
          ConfigKey.of(
              "token-env",
              "AWS_TOKEN",
              "the environment variable holding the token, used when there is no `token-file`"),
          ConfigKey.noDefault("token", "the token itself, e.g. `${file:/var/run/awssmatoken}`"),
          ConfigKey.of("timeout", "5s", "one whole exchange with the agent"));

  @Override
  public List<ConfigKey> describedKeys() {
    return KEYS;
  }

  @Override
  public Set<String> credentialKeys() {
    return Set.of("token");
  }

  @Override
  public SecretProvider create(ProviderSettings settings) {
    AwsAgentProviderBuilder builder = AwsAgentSecretProvider.builder().name(settings.prefix());
    settings
        .get("url")
        .ifPresent(
            url ->
                SettingsSupport.expecting(
                    settings,
                    "url",
                    "the agent's http://host:port, e.g. http://localhost:2773",
                    () -> builder.url(url)));
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
