package io.kailash.secrets.reliability;

import io.kailash.secrets.aws.AwsSecretsManagerProvider;
import io.kailash.secrets.aws.testing.MotoClients;
import io.kailash.secrets.aws.testing.SecretsManagerDouble;
import io.kailash.secrets.aws.testing.SecretsManagerDouble.Fault;
import java.net.URI;
import java.time.Duration;

/**
 * One matrix cell on the AWS path: the real SDK client (retries off) against a double of Secrets
 * Manager's JSON protocol, for the faults moto cannot produce.
 */
final class AwsMatrix {

  private static final Duration HANG = Duration.ofSeconds(20);

  private AwsMatrix() {}

  /** One double and one SDK client for every cell: building a client per cell costs seconds. */
  private static SecretsManagerDouble shared;

  private static AwsSecretsManagerProvider sharedProvider;

  static Outcome run(MatrixFault fault, CacheState state, MatrixSettings settings) {
    if (fault == MatrixFault.REFUSED) {
      try (SecretsManagerDouble aws = SecretsManagerDouble.start();
          AwsSecretsManagerProvider provider = provider(aws, settings)) {
        MatrixStack stack = prepared(aws, provider, state, settings);
        long attempts = stack.resilient.stats().attempts();
        aws.close();
        return stack.read(() -> (int) (stack.resilient.stats().attempts() - attempts));
      }
    }
    if (shared == null) {
      shared = SecretsManagerDouble.start();
      sharedProvider = provider(shared, settings);
    }
    shared.clearFaults();
    MatrixStack stack = prepared(shared, sharedProvider, state, settings);
    shared.failNext(fault == MatrixFault.TOKEN_EXPIRED ? 1 : 100, faultFor(fault));
    return stack.read(shared::requestCount);
  }

  /** Ends the shared double and client after the last cell. */
  static void close() {
    if (shared != null) {
      sharedProvider.close();
      shared.close();
      shared = null;
    }
  }

  private static AwsSecretsManagerProvider provider(
      SecretsManagerDouble aws, MatrixSettings settings) {
    return AwsSecretsManagerProvider.builder()
        .endpoint(URI.create(aws.url()))
        .region("us-east-1")
        .credentials(MotoClients.FAKE_CREDENTIALS)
        .timeout(settings.vaultTimeout())
        .build();
  }

  private static MatrixStack prepared(
      SecretsManagerDouble aws,
      AwsSecretsManagerProvider provider,
      CacheState state,
      MatrixSettings settings) {
    aws.put(MatrixStack.SECRET, FaultMatrixTest.VALUE);
    provider.getSecret(MatrixStack.SECRET); // builds the SDK client, outside the cache
    MatrixStack stack = new MatrixStack(provider, settings);
    stack.prime(state);
    aws.clearRequests();
    return stack;
  }

  private static Fault faultFor(MatrixFault fault) {
    return switch (fault) {
      case HANG_BEFORE_HEADERS -> Fault.hang(HANG);
      case STALL_MID_BODY -> Fault.stallBody(HANG);
      case STATUS_500 -> Fault.error(500, "InternalServiceError");
      case STATUS_503 -> Fault.error(503, "ServiceUnavailable");
      case THROTTLED_RETRY_AFTER -> Fault.throttled("1");
      case GARBAGE_JSON -> Fault.garbage();
      case HUGE_BODY -> Fault.hugeBody();
      case REDIRECT -> Fault.redirect();
      case FORBIDDEN -> Fault.error(400, "AccessDeniedException");
      case TOKEN_EXPIRED -> Fault.error(400, "ExpiredTokenException");
      case REFUSED -> throw new IllegalArgumentException("handled by closing the double");
    };
  }
}
