package io.kailash.it.apps;

import io.kailash.runtime.LocalRuntime;
import io.kailash.runtime.WorkflowExecutionException;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.workflow.Node;
import io.kailash.workflow.WorkflowBuilder;
import java.util.HashMap;

/**
 * Runs the {@link PolicyNodes} directly and the copied node through a {@code LocalRuntime} without
 * a provider (so the agent injects, after reading the run's secrets ahead), printing one line per
 * node: what it received or the reason it was refused, never a value.
 */
public final class PolicyApp {

  public static void main(String[] args) {
    System.out.println("allowed=" + run(new PolicyNodes.PaymentsNode(), "password"));
    System.out.println("inherited=" + run(new PolicyNodes.RefundNode(), "password"));
    System.out.println("copied=" + run(new PolicyNodes.CopiedNode(), "key"));
    System.out.println("copied-in-a-run=" + inRun());
  }

  private static Object run(Node node, String output) {
    try {
      return node.run(new HashMap<>()).get(output);
    } catch (SecretNotFoundException e) {
      return "not-found";
    } catch (SecretBackendException e) {
      return e.reason();
    }
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
