package io.kailash.runtime;

import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.workflow.Node;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls {@link Node#run} on a worker thread so that the caller can stop waiting after the max
 * execution time. Workers are named daemon threads ({@code kailash-node-N}): a node that ignores
 * interruption cannot keep the JVM alive.
 */
final class NodeInvoker {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final ThreadFactory DAEMONS =
      task -> {
        Thread thread = new Thread(task, "kailash-node-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };

  /** Idle workers end after a minute, so an idle application keeps no threads. */
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(DAEMONS);

  /** Why a node did not return. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private NodeInvoker() {}

  /**
   * @param timeout the longest wait, or {@code null} for no limit
   * @throws Failure if the node threw (the cause), timed out, or the caller was interrupted
   */
  static Map<String, Object> invoke(
      String runId, String nodeId, Node node, Map<String, Object> inputs, Duration timeout)
      throws Failure {
    Future<Map<String, Object>> outputs =
        WORKERS.submit(
            () -> {
              // Tells the agent, if any, which run and node its audit records belong to.
              AgentHandoff.nodeStarting(new String[] {runId, nodeId});
              try {
                return node.run(inputs);
              } finally {
                AgentHandoff.nodeStarting(null);
              }
            });
    try {
      return timeout == null ? outputs.get() : outputs.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException thrown) {
      Throwable cause = thrown.getCause();
      throw new Failure("threw " + cause.getClass().getName() + ": " + cause.getMessage(), cause);
    } catch (TimeoutException late) {
      outputs.cancel(true);
      throw new Failure(
          "exceeded the max execution time of " + timeout + " and was interrupted", late);
    } catch (InterruptedException interrupted) {
      outputs.cancel(true);
      Thread.currentThread().interrupt();
      throw new Failure("the run was interrupted while the node ran", interrupted);
    }
  }
}
