package io.kailash.it.apps;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs nodes whose secrets come from the example extension's {@code in-house} provider (a key=value
 * file) and, in a chain, from {@code env}. Prints one line per node, never a value.
 */
public final class ExtensionApp {

  /** In the in-house file (current and {@code v2}). */
  @SecretRequirement(name = "payments/api-token", parameter = "api_token")
  @SecretRequirement(name = "payments/api-token", version = "v2", parameter = "next_token")
  public static final class HouseNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of(
          "token", Outcome.of(inputs, "api_token", "EXPECTED_API_TOKEN"),
          "next", Outcome.of(inputs, "next_token", "EXPECTED_NEXT_TOKEN"));
    }
  }

  /** Only in the environment: injected when {@code env} follows {@code in-house}. */
  @SecretRequirement(name = "db-password", parameter = "db_password")
  public static final class EnvNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("password", Outcome.of(inputs, "db_password", "KAILASH_SECRET_DB_PASSWORD"));
    }
  }

  /** Nowhere. */
  @SecretRequirement(name = "payments/nowhere", parameter = "nowhere")
  public static final class MissingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("ran", "without its secret");
    }
  }

  public static void main(String[] args) {
    Map<String, Object> house = run(new HouseNode());
    System.out.println("token=" + house.get("token"));
    System.out.println("next=" + house.get("next"));
    System.out.println("password=" + run(new EnvNode()).get("password"));
    System.out.println("missing=" + run(new MissingNode()).getOrDefault("ran", "ran"));
  }

  private static Map<String, Object> run(Node node) {
    try {
      return node.run(new HashMap<>());
    } catch (SecretNotFoundException e) {
      return Map.of("password", "not-found", "ran", "not-found");
    } catch (SecretBackendException e) {
      return Map.of("password", e.reason(), "ran", e.reason());
    }
  }
}
