package io.kailash.secrets.resilience;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.internal.ForwardingProvider;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spreads a fleet's first backend reads: calls made before a random instant within {@code jitter}
 * after this provider was created wait until that instant; later calls pass straight through. A
 * fleet of JVMs started together (a deployment, an autoscaling step) then reaches the backend
 * spread over the window instead of within one second, under its rate limit (docs/benchmarks.md,
 * fleet simulation). Put it below the cache, so that cache hits never reach it.
 */
public final class StartupJitter extends ForwardingProvider {

  private final TimeSource time;
  private final long readyAt;
  private volatile boolean ready;

  public StartupJitter(SecretProvider delegate, Duration jitter, TimeSource time) {
    super(delegate);
    if (jitter.isNegative()) {
      throw new IllegalArgumentException("startup jitter must not be negative: " + jitter);
    }
    this.time = time;
    long spread = jitter.toNanos();
    this.readyAt =
        time.nanoTime() + (spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread));
    this.ready = spread == 0;
  }

  @Override
  public String getSecret(String name, String version) {
    awaitStart(name);
    return delegate.getSecret(name, version);
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    awaitStart(null);
    return delegate.getSecretValues(refs);
  }

  @Override
  public List<String> listSecrets() {
    awaitStart(null);
    return delegate.listSecrets();
  }

  private void awaitStart(String secretName) {
    if (ready) {
      return;
    }
    long wait = readyAt - time.nanoTime();
    if (wait > 0) {
      try {
        time.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new SecretBackendException(
            delegate.name(),
            secretName,
            SecretBackendException.Reason.UNAVAILABLE,
            "interrupted while waiting for the start-up jitter (startup.jitter)");
      }
    }
    ready = true;
  }
}
