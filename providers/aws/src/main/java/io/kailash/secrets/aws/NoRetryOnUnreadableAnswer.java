package io.kailash.secrets.aws;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The SDK's default retry strategy, except that an answer it could not parse is not retried: the
 * SDK counts a JSON parse error as an {@code IOException} and sends the request three more times,
 * but a 200 that is not JSON (a proxy's page, a wrong endpoint) will not become JSON.
 */
final class NoRetryOnUnreadableAnswer implements RetryStrategy {

  private final RetryStrategy sdkDefault;

  NoRetryOnUnreadableAnswer() {
    this(AwsRetryStrategy.forRetryMode(RetryMode.defaultRetryMode()));
  }

  private NoRetryOnUnreadableAnswer(RetryStrategy sdkDefault) {
    this.sdkDefault = sdkDefault;
  }

  @Override
  public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
    return sdkDefault.acquireInitialToken(request);
  }

  @Override
  public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
    if (request.failure() instanceof SdkException failure
        && AwsErrorMapper.isUnreadableAnswer(failure)) {
      throw new TokenAcquisitionFailedException(
          "an unreadable answer is not retried", request.token(), request.failure());
    }
    return sdkDefault.refreshRetryToken(request);
  }

  @Override
  public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
    return sdkDefault.recordSuccess(request);
  }

  @Override
  public int maxAttempts() {
    return sdkDefault.maxAttempts();
  }

  @Override
  public Builder<?, ?> toBuilder() {
    return sdkDefault.toBuilder();
  }
}
