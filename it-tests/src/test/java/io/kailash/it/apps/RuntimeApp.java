package io.kailash.it.apps;

import io.kailash.runtime.ExecutionResult;
import io.kailash.runtime.LocalRuntime;
import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.util.Map;

/**
 * Runs a workflow on {@code LocalRuntime}: with no provider in code (argument {@code agent}), the
 * agent injects; with the runtime's own provider (argument {@code own-provider}), the runtime
 * injects and the agent must not fetch again.
 */
public final class RuntimeApp {

  public static void main(String[] args) {
    Workflow workflow = new WorkflowBuilder().addNode(TokenNode.class, "fetch", Map.of()).build();
    LocalRuntime runtime =
        args[0].equals("own-provider")
            ? new LocalRuntime(new EnvironmentSecretProvider())
            : new LocalRuntime();
    ExecutionResult result = runtime.execute(workflow);
    System.out.println("token=" + result.outputs("fetch").get("token"));
  }
}
