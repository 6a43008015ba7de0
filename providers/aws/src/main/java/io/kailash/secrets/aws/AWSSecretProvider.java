package io.kailash.secrets.aws;

/**
 * The name the Kailash Python SDK uses, {@code AWSSecretProvider(region_name)}, for code ported
 * from it: an {@link AwsSecretsManagerProvider} with a region and everything else by default.
 */
public final class AWSSecretProvider extends AwsSecretsManagerProvider {

  /** A provider for {@code region}, with the SDK's default credentials chain. */
  public AWSSecretProvider(String region) {
    super(builder().region(region));
  }

  /** A provider with the SDK's default region and credentials chains. */
  public AWSSecretProvider() {
    this(null);
  }
}
