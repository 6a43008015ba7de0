package io.kailash.secrets.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Configures an {@link AwsSecretsManagerProvider}. Every setting is optional: by default the region
 * and credentials come from the SDK's default chains (environment, profile, container, instance
 * role), the endpoint is AWS's own, and one API call may take 10 s. The SDK does not retry: wrap
 * the provider in a {@link io.kailash.secrets.resilience.ResilientSecretProvider} for retries.
 *
 * <p>Building the provider does no I/O: the SDK client is created on the first read.
 */
public final class AwsProviderBuilder {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** ListSecrets' own maximum page size. */
  public static final int MAX_LIST_PAGE_SIZE = 100;

  private String name = AwsSecretsManagerProvider.NAME;
  private Region region;
  private URI endpoint;
  private String profile;
  private AwsCredentialsProvider credentials;
  private Duration timeout = DEFAULT_TIMEOUT;
  private int listPageSize = MAX_LIST_PAGE_SIZE;
  private SecretsManagerClient client;

  AwsProviderBuilder() {}

  /**
   * The provider's name in messages, audit records and JMX; {@code aws} by default (the agent gives
   * a named instance such as {@code aws-eu} its name).
   *
   * @throws IllegalArgumentException if blank or holding a control character
   */
  public AwsProviderBuilder name(String newName) {
    Objects.requireNonNull(newName, "name");
    if (newName.isBlank() || newName.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("The provider name must be plain text, not blank");
    }
    this.name = newName.trim();
    return this;
  }

  /** The region, e.g. {@code eu-west-1}; {@code null} for the SDK's default region chain. */
  public AwsProviderBuilder region(String newRegion) {
    this.region = newRegion == null || newRegion.isBlank() ? null : Region.of(newRegion.trim());
    return this;
  }

  /**
   * An endpoint override for a local emulator or a VPC endpoint, e.g. {@code
   * http://127.0.0.1:5000}.
   */
  public AwsProviderBuilder endpoint(URI newEndpoint) {
    if (newEndpoint != null
        && (newEndpoint.getHost() == null
            || !("http".equals(newEndpoint.getScheme())
                || "https".equals(newEndpoint.getScheme())))) {
      throw new IllegalArgumentException(
          "The AWS endpoint must be an http or https URL with a host, e.g. https://vpce-1.secretsmanager.eu-west-1.vpce.amazonaws.com, not "
              + newEndpoint);
    }
    this.endpoint = newEndpoint;
    return this;
  }

  /** The AWS profile (in ~/.aws/config and ~/.aws/credentials) for credentials and region. */
  public AwsProviderBuilder profile(String newProfile) {
    this.profile = newProfile == null || newProfile.isBlank() ? null : newProfile.trim();
    return this;
  }

  /** Explicit credentials instead of the profile or the default chain. */
  public AwsProviderBuilder credentials(AwsCredentialsProvider newCredentials) {
    this.credentials = newCredentials;
    return this;
  }

  /** The deadline of one API call: connecting, sending and reading the whole answer. */
  public AwsProviderBuilder timeout(Duration newTimeout) {
    if (newTimeout == null || newTimeout.toMillis() < 2) {
      throw new IllegalArgumentException(
          "The AWS call timeout must be at least 2 ms, was " + newTimeout);
    }
    this.timeout = newTimeout;
    return this;
  }

  /** Secrets per ListSecrets page, 1 to 100. */
  public AwsProviderBuilder listPageSize(int newPageSize) {
    if (newPageSize < 1 || newPageSize > MAX_LIST_PAGE_SIZE) {
      throw new IllegalArgumentException("The list page size must be 1 to 100, was " + newPageSize);
    }
    this.listPageSize = newPageSize;
    return this;
  }

  /**
   * A client the caller built and owns; region, endpoint, profile, credentials and timeout are then
   * ignored, and {@link AwsSecretsManagerProvider#close()} leaves it open.
   */
  public AwsProviderBuilder client(SecretsManagerClient newClient) {
    this.client = Objects.requireNonNull(newClient, "client");
    return this;
  }

  public AwsSecretsManagerProvider build() {
    return new AwsSecretsManagerProvider(this);
  }

  LazyClient lazyClient() {
    if (client != null) {
      return LazyClient.using(client);
    }
    AwsClientSettings settings =
        new AwsClientSettings(region, endpoint, profile, credentials, timeout);
    return LazyClient.building(() -> settings.newClient(name));
  }

  String name() {
    return name;
  }

  int listPageSize() {
    return listPageSize;
  }
}
