package io.kailash.workflow;

import java.util.Map;

/**
 * One step of a workflow.
 *
 * <p>A node receives its parameters (workflow parameters, connected outputs of earlier nodes, and
 * the secrets its class declares with {@link io.kailash.secrets.SecretRequirement}) and returns its
 * outputs. The map a node receives may be read-only-backed: writes to it stay local to the call.
 */
public abstract class Node {

  /**
   * Runs the node.
   *
   * @param inputs the node's parameters; never {@code null}
   * @return the node's outputs, by output name
   */
  public abstract Map<String, Object> run(Map<String, Object> inputs);
}
