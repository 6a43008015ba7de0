package io.kailash.secrets.resilience;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.secrets.internal.DaemonThreads;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one backend call on a worker thread and stops waiting for it after a timeout, so that a hung
 * connection cannot block a node forever.
 *
 * <p>The worker is interrupted on timeout; a call that ignores interrupts keeps its thread until it
 * returns. What the call reports to the {@link ResolutionTrace} on the worker is reported again on
 * the calling thread, so audit records still name the provider that served each secret.
 */
final class TimedCall {

  /** Created on first use only. */
  private static final class SharedExecutor {
    static final Executor INSTANCE = DaemonThreads.cachedPool("kailash-secrets-call");
  }

  private final String provider;
  private final Executor executor;

  /**
   * @param executor where calls run, or {@code null} for a shared pool of daemon threads named
   *     {@code kailash-secrets-call-N}
   */
  TimedCall(String provider, Executor executor) {
    this.provider = provider;
    this.executor = executor == null ? SharedExecutor.INSTANCE : executor;
  }

  /**
   * @param secretName the secret read, for the timeout message; may be {@code null}
   * @param refs the secrets whose trace reports are carried back to this thread
   * @throws SecretBackendException {@code TIMEOUT} when no answer came within {@code timeout}
   */
  <T> T call(String secretName, Collection<SecretRef> refs, Duration timeout, Supplier<T> call) {
    Map<SecretRef, String> servedBy = new HashMap<>();
    Map<SecretRef, CacheStatus> cacheStatus = new HashMap<>();
    FutureTask<T> task =
        new FutureTask<>(
            () -> {
              try (ResolutionTrace trace = ResolutionTrace.open()) {
                T result = call.get();
                for (SecretRef ref : refs) {
                  servedBy.put(ref, trace.providerOf(ref));
                  cacheStatus.put(ref, trace.cacheStatusOf(ref));
                }
                return result;
              }
            });
    executor.execute(task);
    T result = await(task, secretName, timeout);
    // FutureTask.get() happens-after the task, so the maps are safely visible here.
    servedBy.forEach((ref, name) -> replay(ref, name, cacheStatus.get(ref)));
    return result;
  }

  private <T> T await(FutureTask<T> task, String secretName, Duration timeout) {
    try {
      return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw failure(
          secretName,
          "no answer within "
              + timeout
              + "; check the backend or raise"
              + " resilience.call-timeout",
          null);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(secretName, "interrupted while waiting for the backend", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("Provider " + provider + " failed", cause);
    }
  }

  private SecretBackendException failure(String secretName, String message, Throwable cause) {
    return new SecretBackendException(
        provider, secretName, SecretBackendException.Reason.TIMEOUT, message, cause);
  }

  private static void replay(SecretRef ref, String servedBy, CacheStatus status) {
    if (!servedBy.isEmpty()) {
      ResolutionTrace.servedBy(ref, servedBy);
    }
    if (status != CacheStatus.NONE) {
      ResolutionTrace.cacheStatus(ref, status);
    }
  }
}
