package io.kailash.secrets.reliability;

import io.kailash.secrets.vault.VaultAuth;
import io.kailash.secrets.vault.VaultSecretProvider;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.secrets.vault.testing.VaultFault;
import java.time.Duration;
import java.util.Map;

/** One matrix cell against the Vault API double. */
final class VaultMatrix {

  private static final String DATA = "secret/data/" + MatrixStack.SECRET;
  private static final Duration HANG = Duration.ofSeconds(20);

  private VaultMatrix() {}

  static Outcome run(MatrixFault fault, CacheState state, MatrixSettings settings) {
    VaultApiDouble vault = VaultApiDouble.start();
    boolean closed = false;
    try {
      vault.putKv2("secret", MatrixStack.SECRET, Map.of("value", FaultMatrixTest.VALUE));
      vault.enableAppRole("matrix-role", "matrix-secret-id", Duration.ofHours(1), true);
      VaultAuth auth =
          fault == MatrixFault.TOKEN_EXPIRED
              ? VaultAuth.appRole("matrix-role", "matrix-secret-id")
              : VaultAuth.token(vault.rootToken());
      VaultSecretProvider provider =
          VaultSecretProvider.builder()
              .url(vault.url())
              .auth(auth)
              .timeout(settings.vaultTimeout())
              .build();
      provider.getSecret(MatrixStack.SECRET); // login and KV detection, outside the cache
      MatrixStack stack = new MatrixStack(provider, settings);
      stack.prime(state);
      vault.clearRequests();
      long attempts = stack.resilient.stats().attempts();
      if (fault == MatrixFault.REFUSED) {
        vault.close();
        closed = true;
        return stack.read(() -> (int) (stack.resilient.stats().attempts() - attempts));
      }
      inject(vault, fault);
      return stack.read(vault::requestCount);
    } finally {
      if (!closed) {
        vault.close();
      }
    }
  }

  private static void inject(VaultApiDouble vault, MatrixFault fault) {
    switch (fault) {
      case HANG_BEFORE_HEADERS -> vault.failNext(DATA, 100, VaultFault.delay(HANG));
      case STALL_MID_BODY -> vault.failNext(DATA, 100, VaultFault.stallBody(HANG));
      case STATUS_500 -> vault.failNext(DATA, 100, VaultFault.internalError());
      case STATUS_503 -> vault.failNext(DATA, 100, VaultFault.status(503));
      case THROTTLED_RETRY_AFTER -> vault.failNext(DATA, 100, VaultFault.throttled());
      case GARBAGE_JSON -> vault.failNext(DATA, 100, VaultFault.malformedJson());
      case HUGE_BODY -> vault.failNext(DATA, 100, VaultFault.hugeBody(10L << 20, false));
      case REDIRECT -> vault.failNext(DATA, 100, VaultFault.redirect());
      case FORBIDDEN -> vault.failNext(DATA, 100, VaultFault.permissionDenied());
      case TOKEN_EXPIRED -> vault.failNext(DATA, 1, VaultFault.permissionDenied());
      case REFUSED -> throw new IllegalArgumentException("handled by closing the double");
    }
  }
}
