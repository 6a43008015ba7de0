package io.kailash.secrets.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for background refreshes and timed backend calls, safe to start inside any application.
 *
 * <p>Daemon threads, so they never keep a JVM alive; named {@code <prefix>-N} for thread dumps;
 * with no context class loader, so that a thread started while a web application runs does not pin
 * that application's class loader after it is undeployed.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  public static ThreadFactory factory(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      thread.setContextClassLoader(null);
      return thread;
    };
  }

  /**
   * An unbounded pool whose threads are created on demand and end after a minute idle: backend
   * calls block on I/O, so each concurrent call needs its own thread.
   */
  public static ExecutorService cachedPool(String prefix) {
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory(prefix));
  }

  /**
   * At most {@code threads} threads, queueing the rest, for work that may wait (background
   * refreshes); idle threads end after a minute.
   */
  public static ExecutorService boundedPool(String prefix, int threads) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory(prefix));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
