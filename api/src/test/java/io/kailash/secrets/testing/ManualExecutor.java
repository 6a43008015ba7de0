package io.kailash.secrets.testing;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** An executor that queues tasks until the test runs them. */
public final class ManualExecutor implements Executor {

  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();

  @Override
  public void execute(Runnable task) {
    queue.add(task);
  }

  public int pending() {
    return queue.size();
  }

  /** Runs every queued task on the calling thread; returns how many ran. */
  public int runAll() {
    int ran = 0;
    for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
      task.run();
      ran++;
    }
    return ran;
  }
}
