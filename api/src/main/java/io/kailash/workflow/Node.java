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
   * Under the kailash-secrets agent, refuses a node class that declares secrets but whose {@code
   * run} the agent could not instrument (hidden class, class loader without the agent's bridge,
   * ...), so that it can never run without them. Without the agent it does nothing.
   *
   * @throws io.kailash.secrets.SecretBackendException naming the class and why it is refused
   */
  protected Node() {
    io.kailash.secrets.injection.AgentHandoff.nodeCreated(this);
  }

  /**
   * Runs the node.
   *
   * @param inputs the node's parameters; never {@code null}
   * @return the node's outputs, by output name
   */
  public abstract Map<String, Object> run(Map<String, Object> inputs);
}
