package io.kailash.it.apps.failclosed;

import io.kailash.it.apps.Outcome;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.workflow.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * Secrets go to the node instance whose class declared them: a base-class instance run inside a
 * subclass's run gets its own class's secret for a shared parameter, and none of the subclass's;
 * code calling the public bridge directly gets nothing.
 */
public final class RoutingApp {

  private RoutingApp() {}

  @SecretRequirement(name = "api-token", parameter = "key")
  public static class BaseKeyNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of(
          "key",
          Outcome.of(inputs, "key", "KAILASH_SECRET_API_TOKEN"),
          "db",
          inputs.containsKey("db") ? "leaked" : "absent");
    }
  }

  @SecretRequirement(name = "db-password", parameter = "key")
  @SecretRequirement(name = "db-password", parameter = "db")
  public static final class SubKeyNode extends BaseKeyNode {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      Map<String, Object> base = new BaseKeyNode().run(inputs);
      return Map.of(
          "sub-key",
          Outcome.of(inputs, "key", "KAILASH_SECRET_DB_PASSWORD"),
          "base-key",
          base.get("key"),
          "base-db",
          base.get("db"));
    }
  }

  /** Declares a secret but is no node the agent wove. */
  @SecretRequirement(name = "api-token", parameter = "key")
  public static final class NotANode {}

  public static void main(String[] args) throws Exception {
    Map<String, Object> out = new SubKeyNode().run(new HashMap<>());
    System.out.println("sub-key=" + out.get("sub-key"));
    System.out.println("base-key=" + out.get("base-key"));
    System.out.println("base-db=" + out.get("base-db"));

    Object answer =
        Class.forName("io.kailash.secrets.agent.bridge.SecretsBridge")
            .getMethod("resolve", Object.class)
            .invoke(null, new NotANode());
    try {
      AgentHandoff.inject(new NotANode(), Map.of(), answer);
      System.out.println("direct=answered");
    } catch (RuntimeException e) {
      System.out.println(
          "direct=" + (e.getMessage().contains("not instrumented") ? "refused" : e.getMessage()));
    }
  }
}
