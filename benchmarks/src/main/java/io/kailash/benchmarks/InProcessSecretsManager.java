package io.kailash.benchmarks;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * A Secrets Manager client that answers from memory with one secret in one version, for the AWS
 * caching client in {@link CacheHitBenchmark}: the benchmark measures hits, so the backend only has
 * to answer the first DescribeSecret and GetSecretValue.
 */
final class InProcessSecretsManager implements SecretsManagerClient {

  private static final String VERSION = "00000000-0000-0000-0000-000000000001";

  private final String name;
  private final String value;

  InProcessSecretsManager(String name, String value) {
    this.name = name;
    this.value = value;
  }

  @Override
  public DescribeSecretResponse describeSecret(DescribeSecretRequest request) {
    return DescribeSecretResponse.builder()
        .name(name)
        .versionIdsToStages(Map.of(VERSION, List.of("AWSCURRENT")))
        .build();
  }

  @Override
  public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
    return GetSecretValueResponse.builder()
        .name(name)
        .versionId(VERSION)
        .versionStages("AWSCURRENT")
        .secretString(value)
        .build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
