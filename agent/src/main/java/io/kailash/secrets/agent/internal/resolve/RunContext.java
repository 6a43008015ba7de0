package io.kailash.secrets.agent.internal.resolve;

/**
 * The run and node a thread is resolving for, as {@code LocalRuntime} announces them through {@code
 * AgentHandoff.nodeStarting} around each node's run: the agent itself only sees the node object.
 * Empty for a node run directly ({@code node.run(map)}), which belongs to no run.
 */
public final class RunContext {

  private static final ThreadLocal<String[]> CURRENT = new ThreadLocal<>();

  private RunContext() {}

  /** {@code runId == null} ends the node's run on this thread. */
  public static void set(String runId, String nodeId) {
    if (runId == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(new String[] {runId, nodeId == null ? "" : nodeId});
    }
  }

  static String runId() {
    String[] current = CURRENT.get();
    return current == null ? "" : current[0];
  }

  static String nodeId() {
    String[] current = CURRENT.get();
    return current == null ? "" : current[1];
  }
}
