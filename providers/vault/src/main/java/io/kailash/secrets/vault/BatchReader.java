package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.internal.Lazy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads many secrets concurrently, at most {@code maxConcurrency} at a time for the whole provider.
 * Its threads are daemons, started on the first batch and gone after 30 s without work, so the
 * provider needs no close(). Absent secrets are left out; the first other failure cancels the rest
 * and is thrown.
 */
final class BatchReader {

  private final int maxConcurrency;
  private final String provider;
  private final Lazy<ThreadPoolExecutor> executor = new Lazy<>();

  BatchReader(int maxConcurrency, String provider) {
    this.maxConcurrency = maxConcurrency;
    this.provider = provider;
  }

  <K> Map<K, String> readAll(List<K> keys, Function<K, String> read) {
    if (keys.size() <= 1 || maxConcurrency == 1) {
      return readInTurn(keys, read);
    }
    CompletionService<String> done =
        new ExecutorCompletionService<>(executor.get(this::newExecutor));
    List<Future<String>> futures = new ArrayList<>();
    for (K key : keys) {
      futures.add(done.submit(() -> readOrNull(key, read)));
    }
    try {
      for (int i = 0; i < keys.size(); i++) {
        done.take().get();
      }
      Map<K, String> found = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        String value = futures.get(i).get();
        if (value != null) {
          found.put(keys.get(i), value);
        }
      }
      return found;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure
          ? failure
          : new IllegalStateException("a batch read failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SecretBackendException(
          provider,
          null,
          SecretBackendException.Reason.UNAVAILABLE,
          "interrupted while waiting for a batch of Vault reads");
    } finally {
      futures.forEach(future -> future.cancel(true));
    }
  }

  private static <K> Map<K, String> readInTurn(List<K> keys, Function<K, String> read) {
    Map<K, String> found = new LinkedHashMap<>();
    for (K key : keys) {
      String value = readOrNull(key, read);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  private static <K> String readOrNull(K key, Function<K, String> read) {
    try {
      return read.apply(key);
    } catch (SecretNotFoundException absent) {
      return null;
    }
  }

  private ThreadPoolExecutor newExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            maxConcurrency,
            maxConcurrency,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "kailash-vault-read-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
