package io.kailash.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What a workflow run produced: each node's outputs, by node id in execution order.
 *
 * <p>The runtime puts into it only what the nodes returned, with any string that contains one of
 * the node's injected secrets masked (see {@link LocalRuntime}). {@code toString} shows node ids
 * and output names, not values.
 */
public final class ExecutionResult {

  private final String runId;
  private final Map<String, Map<String, Object>> results;

  public ExecutionResult(String runId, Map<String, Map<String, Object>> results) {
    this.runId = runId;
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    results.forEach(
        (node, outputs) ->
            copy.put(node, Collections.unmodifiableMap(new LinkedHashMap<>(outputs))));
    this.results = Collections.unmodifiableMap(copy);
  }

  /** The id of the run, as in its audit records and errors. */
  public String runId() {
    return runId;
  }

  /** Node id to that node's outputs; both levels are read-only. */
  public Map<String, Map<String, Object>> results() {
    return results;
  }

  /**
   * The outputs of node {@code nodeId}.
   *
   * @throws NoSuchElementException naming the node if it did not run
   */
  public Map<String, Object> outputs(String nodeId) {
    Map<String, Object> outputs = results.get(nodeId);
    if (outputs == null) {
      throw new NoSuchElementException(
          "Node '" + nodeId + "' has no results in run " + runId + "; nodes: " + results.keySet());
    }
    return outputs;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ExecutionResult[runId=").append(runId).append(", ");
    Map<String, Object> keys = new LinkedHashMap<>();
    results.forEach((node, outputs) -> keys.put(node, outputs.keySet()));
    return out.append("outputs=").append(keys).append(']').toString();
  }
}
