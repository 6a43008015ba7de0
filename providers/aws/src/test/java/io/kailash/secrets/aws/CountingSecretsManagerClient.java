package io.kailash.secrets.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;

/**
 * Delegates the calls the provider makes to a real client (against moto), counting them, and can
 * throw a given SDK exception instead: for failures moto cannot produce (access denied, throttling,
 * a refused batch API).
 */
final class CountingSecretsManagerClient implements SecretsManagerClient {

  final AtomicInteger gets = new AtomicInteger();
  final AtomicInteger batches = new AtomicInteger();
  final AtomicInteger lists = new AtomicInteger();
  final List<BatchGetSecretValueRequest> batchRequests = new CopyOnWriteArrayList<>();

  private final SecretsManagerClient delegate;
  private volatile RuntimeException batchFailure;
  private volatile RuntimeException getFailure;

  /**
   * @param delegate the real client, or {@code null} when every call is set to fail
   */
  CountingSecretsManagerClient(SecretsManagerClient delegate) {
    this.delegate = delegate;
  }

  /** Every following BatchGetSecretValue throws {@code failure}. */
  CountingSecretsManagerClient failBatchWith(RuntimeException failure) {
    this.batchFailure = failure;
    return this;
  }

  /** Every following GetSecretValue throws {@code failure}. */
  CountingSecretsManagerClient failGetWith(RuntimeException failure) {
    this.getFailure = failure;
    return this;
  }

  int calls() {
    return gets.get() + batches.get() + lists.get();
  }

  @Override
  public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
    gets.incrementAndGet();
    if (getFailure != null) {
      throw getFailure;
    }
    return delegate.getSecretValue(request);
  }

  @Override
  public BatchGetSecretValueResponse batchGetSecretValue(BatchGetSecretValueRequest request) {
    batches.incrementAndGet();
    batchRequests.add(request);
    if (batchFailure != null) {
      throw batchFailure;
    }
    return delegate.batchGetSecretValue(request);
  }

  @Override
  public ListSecretsResponse listSecrets(ListSecretsRequest request) {
    lists.incrementAndGet();
    return delegate.listSecrets(request);
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
