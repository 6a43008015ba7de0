package io.kailash.workflow;

import java.util.Objects;

/**
 * An edge of a workflow: the output {@code fromOutput} of node {@code fromNode} becomes the input
 * {@code toInput} of node {@code toNode}.
 */
public record Connection(String fromNode, String fromOutput, String toNode, String toInput) {

  public Connection {
    Objects.requireNonNull(fromNode, "fromNode");
    Objects.requireNonNull(fromOutput, "fromOutput");
    Objects.requireNonNull(toNode, "toNode");
    Objects.requireNonNull(toInput, "toInput");
  }

  /** {@code from.output -> to.input}. */
  @Override
  public String toString() {
    return fromNode + "." + fromOutput + " -> " + toNode + "." + toInput;
  }
}
