package io.kailash.agenttest;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * Node classes whose class files the transformer tests read and weave. Outside io.kailash.secrets,
 * which the agent never instruments.
 */
public final class SampleNodes {

  private SampleNodes() {}

  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static class TokenNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      Map<String, Object> out = new HashMap<>();
      out.put("token", inputs.get("api_token"));
      out.put("header", inputs.get("header"));
      return out;
    }
  }

  /** Calls super.run: the secrets must be resolved once. */
  public static class ChildNode extends TokenNode {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      Map<String, Object> out = super.run(inputs);
      out.put("child-token", inputs.get("api_token"));
      return out;
    }
  }

  /**
   * Its run starts with a loop: a branch target (and a stack map frame) at the first instruction.
   */
  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static class LoopNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      int i = 0;
      while (i < 3) {
        i++;
      }
      return Map.of("token", inputs.get("api_token"), "loops", i);
    }
  }

  /** Declares no method of its own; extends the family through an intermediate abstract class. */
  public abstract static class Intermediate extends Node {
    public static Map<String, Object> run(String notTheMethod) {
      return Map.of();
    }
  }

  public interface Unrelated {}

  public static class NotANode implements Unrelated {
    public Map<String, Object> run(Map<String, Object> inputs) {
      return inputs;
    }
  }
}
