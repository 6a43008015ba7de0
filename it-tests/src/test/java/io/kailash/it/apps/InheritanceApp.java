package io.kailash.it.apps;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * A subclass that inherits its superclass's requirement, adds its own, and calls {@code super.run}:
 * both {@code run}s are instrumented, and the secrets must be resolved once.
 */
public final class InheritanceApp {

  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static class BaseNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      Map<String, Object> outputs = new HashMap<>();
      outputs.put("base-token", Outcome.of(inputs, "api_token", "KAILASH_SECRET_API_TOKEN"));
      return outputs;
    }
  }

  @SecretRequirement(name = "db-password", parameter = "db_password")
  public static final class ChildNode extends BaseNode {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      Map<String, Object> outputs = super.run(inputs);
      outputs.put("child-token", Outcome.of(inputs, "api_token", "KAILASH_SECRET_API_TOKEN"));
      outputs.put("child-db", Outcome.of(inputs, "db_password", "KAILASH_SECRET_DB_PASSWORD"));
      return outputs;
    }
  }

  /** Inherits {@code run} from an unannotated class: woven there, needed here. */
  public static class PlainNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("token", Outcome.of(inputs, "api_token", "KAILASH_SECRET_API_TOKEN"));
    }
  }

  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static final class AnnotatedLeaf extends PlainNode {}

  public static void main(String[] args) {
    Map<String, Object> outputs = new ChildNode().run(new HashMap<>());
    System.out.println("base-token=" + outputs.get("base-token"));
    System.out.println("child-token=" + outputs.get("child-token"));
    System.out.println("child-db=" + outputs.get("child-db"));
    System.out.println("leaf-token=" + new AnnotatedLeaf().run(new HashMap<>()).get("token"));
  }
}
