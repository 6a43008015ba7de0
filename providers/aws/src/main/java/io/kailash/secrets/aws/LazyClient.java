package io.kailash.secrets.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Holds the Secrets Manager client and builds it on first use, not when the provider is created:
 * building it loads much of the SDK, and a JVM started with the agent should not pay for that
 * before a node needs a secret.
 *
 * <p>Thread safe. A client that could not be built (no region, say) is not remembered, so the next
 * read tries again.
 */
final class LazyClient implements AutoCloseable {

  private final Supplier<SecretsManagerClient> factory;
  private final boolean owned;
  private volatile SecretsManagerClient client;

  private LazyClient(
      Supplier<SecretsManagerClient> factory, SecretsManagerClient client, boolean owned) {
    this.factory = factory;
    this.client = client;
    this.owned = owned;
  }

  /** A client built by {@code factory} on first use and closed by {@link #close()}. */
  static LazyClient building(Supplier<SecretsManagerClient> factory) {
    return new LazyClient(factory, null, true);
  }

  /** A client owned by the caller: used as is, never closed here. */
  static LazyClient using(SecretsManagerClient client) {
    return new LazyClient(() -> client, client, false);
  }

  SecretsManagerClient get() {
    SecretsManagerClient current = client;
    if (current == null) {
      synchronized (this) {
        current = client;
        if (current == null) {
          current = factory.get();
          client = current;
        }
      }
    }
    return current;
  }

  /** Whether the client exists yet (for tests of laziness). */
  boolean isBuilt() {
    return client != null;
  }

  @Override
  public synchronized void close() {
    if (owned && client != null) {
      client.close();
      client = null;
    }
  }
}
