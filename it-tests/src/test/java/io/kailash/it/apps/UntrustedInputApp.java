package io.kailash.it.apps;

import io.kailash.runtime.ExecutionResult;
import io.kailash.runtime.LocalRuntime;
import io.kailash.runtime.WorkflowExecutionException;
import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow on {@code LocalRuntime} without a provider, so the agent injects: user text that names
 * the secret's parameter flows from an input node into the node that declares it, which returns its
 * token in several shapes; a second workflow's node fails quoting its token. Prints what arrived
 * and what left, never a value; stderr gets the failure's whole stack trace.
 */
public final class UntrustedInputApp {

  public static final String USER_TEXT = "Hi! my token is {api_token}";

  public static final List<String> EXPECTED =
      List.of(
          "text=literal", "header=filled", "results=masked", "downstream=masked", "failure=masked");

  /** Emits the text it was given: user input entering the workflow. */
  public static final class InputNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("text", inputs.get("text"));
    }
  }

  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static final class EchoNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      Object token = inputs.get("api_token");
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("text", USER_TEXT.equals(inputs.get("text")) ? "literal" : "changed");
      out.put("header", Outcome.header(inputs, "KAILASH_SECRET_API_TOKEN"));
      out.put("leak", token);
      out.put("leak-shapes", List.of(Optional.ofNullable(token), new StringBuilder("x" + token)));
      return out;
    }
  }

  public static final class SinkNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      String token = System.getenv("KAILASH_SECRET_API_TOKEN");
      return Map.of("clean", String.valueOf(inputs.get("got")).contains(token) ? "no" : "yes");
    }
  }

  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static final class ParsingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("n", Integer.parseInt(String.valueOf(inputs.get("api_token"))));
    }
  }

  public static void main(String[] args) {
    String token = System.getenv("KAILASH_SECRET_API_TOKEN");
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(InputNode.class, "input", Map.of("text", "unused"))
            .addNode(EchoNode.class, "echo", Map.of("header", "Bearer {api_token}"))
            .addNode(SinkNode.class, "sink", null)
            .connect("input", "text", "echo", "text")
            .connect("echo", "leak", "sink", "got")
            .build();
    ExecutionResult result =
        new LocalRuntime().execute(workflow, Map.of("input", Map.of("text", USER_TEXT)));
    Map<String, Object> echo = result.outputs("echo");
    System.out.println("text=" + echo.get("text"));
    System.out.println("header=" + echo.get("header"));
    System.out.println(
        "results=" + (String.valueOf(result.results()).contains(token) ? "clear" : "masked"));
    System.out.println(
        "downstream=" + ("yes".equals(result.outputs("sink").get("clean")) ? "masked" : "clear"));
    try {
      new LocalRuntime()
          .execute(new WorkflowBuilder().addNode(ParsingNode.class, "parse", null).build());
      System.out.println("failure=none");
    } catch (WorkflowExecutionException e) {
      e.printStackTrace(); // the whole chain goes to stderr, which the test searches
      boolean clear = false;
      for (Throwable t = e; t != null; t = t.getCause()) {
        clear |= String.valueOf(t.getMessage()).contains(token);
      }
      System.out.println("failure=" + (clear ? "clear" : "masked"));
    }
  }
}
