package io.kailash.benchmarks.startup;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/**
 * The smallest application the agent has to serve: one node class that declares one secret, run
 * once. {@code benchmarks/startup.sh} times whole JVMs running it without an agent, with {@link
 * NoOpAgent} and with kailash-secrets ({@code providers = env}), so the difference is the agent's
 * own start-up and first-call cost.
 */
public final class HelloWorldApp {

  private HelloWorldApp() {}

  public static void main(String[] args) {
    Map<String, Object> outputs = new GreetingNode().run(Map.of("who", "world"));
    System.out.println(outputs.get("greeting"));
  }

  /** Greets; says whether its secret arrived, never the secret itself. */
  @SecretRequirement(name = "hello-token", parameter = "token")
  static final class GreetingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      String with = inputs.get("token") == null ? "without" : "with";
      return Map.of("greeting", "hello, " + inputs.get("who") + " (" + with + " a secret)");
    }
  }
}
