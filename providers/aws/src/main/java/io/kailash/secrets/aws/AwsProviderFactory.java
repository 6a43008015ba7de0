package io.kailash.secrets.aws;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ConfigKey;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.config.SettingsSupport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds an {@link AwsSecretsManagerProvider} from the {@code aws.*} keys: {@code region}, {@code
 * endpoint}, {@code profile} and {@code timeout} (e.g. {@code 5s}). None is required; credentials
 * always come from the SDK's chains, never from this configuration.
 */
public final class AwsProviderFactory implements SecretProviderFactory {

  private static final String SDK_CLIENT =
      "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient";

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.noDefault(
              "region",
              "the region, e.g. `eu-west-1`; none: the SDK's default region chain (`AWS_REGION`,"
                  + " the profile, instance metadata)"),
          ConfigKey.noDefault(
              "endpoint",
              "an endpoint override (a VPC endpoint, or a local emulator such as"
                  + " `http://127.0.0.1:5000`); none: AWS's own"),
          ConfigKey.noDefault(
              "profile",
              "the profile in `~/.aws/config` and `~/.aws/credentials` for credentials and region;"
                  + " none: the SDK's default chains. Credentials always come from the SDK, never"
                  + " from this file"),
          ConfigKey.of(
              "timeout",
              "10s",
              "one whole AWS API call (at least `2ms`); the SDK's own retries are off, and answers"
                  + " above 2 MB are refused unread"));

  @Override
  public String type() {
    return AwsSecretsManagerProvider.NAME;
  }

  @Override
  public List<ConfigKey> describedKeys() {
    return KEYS;
  }

  @Override
  public SecretProvider create(ProviderSettings settings) {
    requireSdk();
    AwsProviderBuilder builder =
        AwsSecretsManagerProvider.builder()
            .name(settings.prefix())
            .region(settings.get("region").orElse(null))
            .profile(settings.get("profile").orElse(null));
    Duration timeout = settings.duration("timeout", AwsProviderBuilder.DEFAULT_TIMEOUT);
    SettingsSupport.expecting(
        settings, "timeout", "a duration of at least 2ms, e.g. 5s", () -> builder.timeout(timeout));
    settings
        .get("endpoint")
        .ifPresent(
            endpoint ->
                SettingsSupport.expecting(
                    settings,
                    "endpoint",
                    "an http or https URL such as http://127.0.0.1:5000",
                    // URI.create: a URISyntaxException as an IllegalArgumentException
                    () -> builder.endpoint(URI.create(endpoint))));
    return builder.build();
  }

  @Override
  public Optional<Duration> exchangeTimeout(ProviderSettings settings) {
    return Optional.of(settings.duration("timeout", AwsProviderBuilder.DEFAULT_TIMEOUT));
  }

  /**
   * The AWS SDK is an optional dependency: say which artifacts are missing, not NoClassDefFound.
   */
  private static void requireSdk() {
    try {
      Class.forName(SDK_CLIENT, false, AwsProviderFactory.class.getClassLoader());
    } catch (ClassNotFoundException missing) {
      throw new SecretsConfigurationException(
          "Provider 'aws' needs the AWS SDK on the class path: add"
              + " software.amazon.awssdk:secretsmanager and software.amazon.awssdk:url-connection-client.");
    }
  }
}
