package io.kailash.workflow;

import java.util.List;

/**
 * {@link WorkflowBuilder#build()} found the workflow unusable. The message lists every problem,
 * each naming the offending node id, type or connection.
 */
public class WorkflowValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public WorkflowValidationException(List<String> problems) {
    super(
        "Invalid workflow: "
            + (problems.size() == 1
                ? problems.get(0)
                : problems.size() + " problems:\n  - " + String.join("\n  - ", problems)));
    this.problems = List.copyOf(problems);
  }

  /** One sentence per problem. */
  public List<String> problems() {
    return problems;
  }
}
