package io.kailash.secrets.aws;

import io.kailash.secrets.SecretBackendException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * How to build the Secrets Manager client: region, endpoint, profile, credentials and timeout.
 *
 * <p>The HTTP client, the region and the credentials provider are all given explicitly, so the SDK
 * needs no service-loader discovery (which breaks when the agent relocates or isolates the SDK) and
 * never fails on finding more than one HTTP client.
 *
 * @param region the region, or {@code null} for the SDK's default region chain (AWS_REGION,
 *     aws.region, the profile)
 * @param endpoint an endpoint override (local emulator, VPC endpoint), or {@code null}
 * @param profile the AWS profile for credentials and region, or {@code null}
 * @param credentials explicit credentials, or {@code null} for the profile or the default chain
 * @param timeout the deadline of one API call: connecting, sending and reading the whole answer
 */
record AwsClientSettings(
    Region region,
    URI endpoint,
    String profile,
    AwsCredentialsProvider credentials,
    Duration timeout) {

  /**
   * Builds the client; called once, on the first secret read. The SDK's own retries are off:
   * retrying is {@link io.kailash.secrets.resilience.ResilientSecretProvider}'s job, the one retry
   * layer per provider, which also honours a throttling answer's {@code Retry-After}.
   */
  SecretsManagerClient newClient(String provider) {
    var builder =
        SecretsManagerClient.builder()
            // A builder, not a built client, so that closing the SDK client closes it too.
            .httpClientBuilder(
                UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout))
            .region(resolveRegion(provider))
            .credentialsProvider(credentialsProvider())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .retryStrategy(new NoRetryOnUnreadableAnswer())
                    .apiCallTimeout(timeout)
                    .apiCallAttemptTimeout(timeout)
                    .retryStrategy(AwsRetryStrategy.doNotRetry())
                    .addExecutionInterceptor(new ResponseSizeLimit())
                    .build());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private Region resolveRegion(String provider) {
    if (region != null) {
      return region;
    }
    try {
      return DefaultAwsRegionProviderChain.builder().profileName(profile).build().getRegion();
    } catch (SdkClientException noRegion) {
      throw new SecretBackendException(
          provider,
          null,
          SecretBackendException.Reason.MISCONFIGURED,
          "no AWS region: set aws.region, the AWS_REGION environment variable or a region in the"
              + " AWS profile.",
          noRegion);
    }
  }

  private AwsCredentialsProvider credentialsProvider() {
    return new CheckedCredentials(resolvedCredentialsProvider());
  }

  private AwsCredentialsProvider resolvedCredentialsProvider() {
    if (credentials != null) {
      return credentials;
    }
    if (profile != null) {
      return ProfileCredentialsProvider.builder().profileName(profile).build();
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
