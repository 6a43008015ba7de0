package io.kailash.runtime;

/**
 * A workflow run failed: a node threw, exceeded the max execution time, or could not get its
 * secrets. Names the run and the node; the original failure (for example a {@link
 * io.kailash.secrets.SecretNotFoundException}) is the cause.
 */
public class WorkflowExecutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private final String nodeId;

  /**
   * @param detail what went wrong, without secret values
   */
  public WorkflowExecutionException(String runId, String nodeId, String detail, Throwable cause) {
    super("Run " + runId + " failed at node '" + nodeId + "': " + detail, cause);
    this.runId = runId;
    this.nodeId = nodeId;
  }

  public String runId() {
    return runId;
  }

  /** The node that failed, or the first node that needed a secret the backend could not read. */
  public String nodeId() {
    return nodeId;
  }
}
