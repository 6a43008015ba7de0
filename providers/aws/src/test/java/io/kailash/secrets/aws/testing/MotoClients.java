package io.kailash.secrets.aws.testing;

import io.kailash.secrets.aws.AwsProviderBuilder;
import io.kailash.secrets.aws.AwsSecretsManagerProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** SDK clients and providers pointed at a {@link MotoServer}, with fake static credentials. */
public final class MotoClients {

  public static final String REGION = "us-east-1";
  public static final StaticCredentialsProvider FAKE_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  private MotoClients() {}

  /** A client for setting up secrets (create, put, delete) in moto. */
  public static SecretsManagerClient secretsManager(MotoServer moto) {
    return SecretsManagerClient.builder()
        .endpointOverride(moto.endpoint())
        .region(Region.of(REGION))
        .credentialsProvider(FAKE_CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** A provider builder for moto; the provider builds its own client. */
  public static AwsProviderBuilder provider(MotoServer moto) {
    return AwsSecretsManagerProvider.builder()
        .endpoint(moto.endpoint())
        .region(REGION)
        .credentials(FAKE_CREDENTIALS);
  }
}
