package com.example.hello;

import io.kailash.runtime.ExecutionResult;
import io.kailash.runtime.LocalRuntime;
import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.secrets.SecretProvider;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.util.Map;

/** Run with KAILASH_SECRET_SIGNING_KEY set: prints the greeting and its signature. */
public final class HelloSecrets {

  public static void main(String[] args) {
    ExecutionResult result = run(new EnvironmentSecretProvider()); // KAILASH_SECRET_SIGNING_KEY
    System.out.println(result.outputs("sign").get("message"));
    System.out.println(result.outputs("sign").get("signature"));
  }

  static ExecutionResult run(SecretProvider provider) {
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(GreetNode.class, "greet", Map.of("name", "world"))
            .addNode(SignNode.class, "sign", Map.of())
            .connect("greet", "message", "sign", "message")
            .build();
    LocalRuntime runtime = LocalRuntime.builder().secretProvider(provider).build();
    return runtime.execute(workflow);
  }
}
