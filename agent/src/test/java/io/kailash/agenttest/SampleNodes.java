package io.kailash.agenttest;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
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

  /** A runtime annotation of every element kind, for the class-file reader to skip. */
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Tagged {
    String[] names();

    ElementType kind();

    Class<?> type();

    int number();

    SecretRequirement nested();
  }

  /**
   * Several requirements (in their container) among other annotations, with optional, a version and
   * a parameter outside ASCII; inherits run from {@link TokenNode}, so it is not woven itself.
   */
  @Tagged(
      names = {"a", "b"},
      kind = ElementType.TYPE,
      type = Map.class,
      number = 7,
      nested = @SecretRequirement(name = "not-mine", parameter = "not_mine"))
  @SecretRequirement(name = "db/creds#password", parameter = "db_p\u00e4ssword", optional = true)
  @SecretRequirement(name = "api-token", parameter = "api_token", version = "v2")
  @Deprecated
  public static class ManySecretsNode extends TokenNode {}

  /** Declares one requirement and nothing else. */
  @SecretRequirement(name = "single", parameter = "one", optional = true, version = "3")
  public static class SingleSecretNode extends Intermediate {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return inputs;
    }
  }

  /**
   * Switches (whose operands are 4-byte aligned from the method's start), a try/catch and a {@code
   * new} whose argument branches (an uninitialized object in the stack map frames).
   */
  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static class BranchyNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      int size = inputs.size();
      String dense =
          switch (size) {
            case 1 -> "one";
            case 2 -> "two";
            case 3 -> "three";
            default -> "many";
          };
      String sparse =
          switch (size * 1000) {
            case 1000 -> "thousand";
            case 7000 -> "seven";
            default -> "other";
          };
      String built = new StringBuilder(inputs.isEmpty() ? "empty" : "full").toString();
      int parsed;
      try {
        parsed = Integer.parseInt(String.valueOf(inputs.get("number")));
      } catch (NumberFormatException notANumber) {
        parsed = -1;
      }
      return Map.of(
          "token", String.valueOf(inputs.get("api_token")),
          "dense", dense,
          "sparse", sparse,
          "built", built,
          "parsed", parsed);
    }
  }

  /**
   * A type annotation on an instruction's local: a Code attribute the prefix weaver leaves to ASM.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target(ElementType.TYPE_USE)
  public @interface Checked {}

  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static class TypeAnnotatedNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      @Checked Object token = inputs.get("api_token");
      return Map.of("token", String.valueOf(token));
    }
  }
}
