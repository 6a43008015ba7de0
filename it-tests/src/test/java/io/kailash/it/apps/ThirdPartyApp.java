package io.kailash.it.apps;

import io.kailash.it.apps.thirdparty.LedgerNode;
import io.kailash.it.apps.thirdparty.SigningNode;
import io.kailash.runtime.ExecutionResult;
import io.kailash.runtime.LocalRuntime;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.workflow.WorkflowBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * Third-party nodes (no annotation) whose secrets the agent's {@code requirements.<class>} keys
 * declare: run directly, as the application's subclass, under {@code LocalRuntime} without a
 * provider, and one whose required secret is missing. Prints outcomes, never a value.
 */
public final class ThirdPartyApp {

  /** The application's own subclass of the library's node: it inherits the configured secrets. */
  public static final class OurSigningNode extends SigningNode {}

  public static void main(String[] args) {
    Map<String, Object> direct = new SigningNode().run(new HashMap<>());
    System.out.println("direct=" + direct.get("key") + "," + direct.get("token"));
    System.out.println("subclass=" + new OurSigningNode().run(new HashMap<>()).get("key"));
    ExecutionResult result =
        new LocalRuntime()
            .execute(new WorkflowBuilder().addNode(SigningNode.class, "sign", Map.of()).build());
    System.out.println("runtime=" + result.outputs("sign").get("key"));
    try {
      new LedgerNode().run(new HashMap<>());
      System.out.println("missing=ran");
    } catch (SecretNotFoundException e) {
      System.out.println("missing=not-found");
    }
  }
}
