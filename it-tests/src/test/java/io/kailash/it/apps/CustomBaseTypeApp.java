package io.kailash.it.apps;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretRequirement;
import java.util.HashMap;
import java.util.Map;

/**
 * Another framework's task type, not a {@code Node}: run with {@code
 * instrument.base-type=io.kailash.it.apps.CustomBaseTypeApp$Task} and {@code
 * instrument.method=execute}. Node classes are then not instrumented, so one that declares secrets
 * is refused when created: it would otherwise run without them.
 */
public final class CustomBaseTypeApp {

  /** The framework's base type. */
  public abstract static class Task {
    public abstract String execute(Map<String, Object> arguments);
  }

  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static final class DeployTask extends Task {
    @Override
    public String execute(Map<String, Object> arguments) {
      return Outcome.of(arguments, "api_token", "KAILASH_SECRET_API_TOKEN");
    }
  }

  public static void main(String[] args) {
    System.out.println("task-token=" + new DeployTask().execute(new HashMap<>()));
    String node;
    try {
      node = String.valueOf(new TokenNode().run(new HashMap<>()).get("token"));
    } catch (SecretBackendException e) {
      node =
          e.getMessage().contains("not a subclass of the configured instrument.base-type")
              ? "refused"
              : "wrong refusal: " + e.getMessage();
    }
    System.out.println("node-token=" + node);
  }
}
