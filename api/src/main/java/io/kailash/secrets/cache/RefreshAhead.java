package io.kailash.secrets.cache;

import io.kailash.secrets.internal.DaemonThreads;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts at most one background refresh per cached entry once it is due, so callers keep getting
 * the cached value without waiting while the new one is fetched.
 */
final class RefreshAhead {

  private static final Logger LOG = LoggerFactory.getLogger(RefreshAhead.class);

  /** Created on first use only, never when the cache class loads. */
  private static final class SharedExecutor {
    static final Executor INSTANCE = DaemonThreads.boundedPool("kailash-secrets-refresh", 2);
  }

  private final Executor executor;
  private final Consumer<CacheEntry> refresh;

  /**
   * @param executor where refreshes run, or {@code null} for the shared daemon pool
   * @param refresh reloads the entry's secret; must not throw
   */
  RefreshAhead(Executor executor, Consumer<CacheEntry> refresh) {
    this.executor = executor;
    this.refresh = refresh;
  }

  /** Starts the refresh of {@code entry} unless one was already started for it. */
  void start(CacheEntry entry) {
    if (!entry.claimRefresh()) {
      return;
    }
    try {
      (executor == null ? SharedExecutor.INSTANCE : executor).execute(() -> refresh.accept(entry));
    } catch (RejectedExecutionException rejected) {
      // The entry is still served until it expires; then a caller reloads it.
      LOG.warn("Could not start the background refresh of secret '{}': {}", entry.ref, rejected);
    }
  }
}
