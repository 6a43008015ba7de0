package io.kailash.it.apps;

import io.kailash.runtime.LocalRuntime;
import io.kailash.runtime.WorkflowExecutionException;
import io.kailash.secrets.SecretBackendException;
import io.kailash.workflow.WorkflowBuilder;

/**
 * Runs the {@link PolicyNodes} directly and the copied node through a {@code LocalRuntime} without
 * a provider (so the agent injects, after reading the run's secrets ahead), printing one line per
 * node: what it received or the reason it was refused, never a value.
 */
public final class PolicyApp {

  public static void main(String[] args) {
    System.out.println("allowed=" + AppNodes.outcomeOf(new PolicyNodes.PaymentsNode(), "password"));
    System.out.println("inherited=" + AppNodes.outcomeOf(new PolicyNodes.RefundNode(), "password"));
    System.out.println("copied=" + AppNodes.outcomeOf(new PolicyNodes.CopiedNode(), "key"));
    System.out.println("copied-in-a-run=" + inRun());
  }

  private static Object inRun() {
    try {
      new LocalRuntime()
          .execute(
              new WorkflowBuilder()
                  .addNode(PolicyNodes.PaymentsNode.class, "pay", null)
                  .addNode(PolicyNodes.CopiedNode.class, "copy", null)
                  .build());
      return "ran";
    } catch (WorkflowExecutionException e) {
      return e.nodeId()
          + ":"
          + (e.getCause() instanceof SecretBackendException backend ? backend.reason() : e);
    }
  }
}
