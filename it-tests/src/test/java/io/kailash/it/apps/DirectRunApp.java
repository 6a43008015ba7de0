package io.kailash.it.apps;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.SecretTemplate;
import io.kailash.workflow.Node;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls {@code node.run(map)} directly, with no provider in code. Argument {@code missing} runs a
 * node whose required secret does not exist and catches the application's own exception; {@code
 * missing-detail} does the same and prints the exception's detail and message.
 */
public final class DirectRunApp {

  /** Text from a user that names the node's secret parameter: must reach the node literally. */
  static final String UPSTREAM_TEXT = "Hi! my token is {api_token}";

  /** What the application prints when its node got its secret. */
  public static final List<String> INJECTED =
      List.of(
          "upstream=literal",
          "token=injected",
          "header=filled",
          "optional=absent",
          "caller-map={header=Bearer {api_token}, upstream=" + UPSTREAM_TEXT + "}");

  /** What it prints when nothing was injected. */
  public static final List<String> NOT_INJECTED =
      List.of(
          "upstream=literal",
          "token=absent",
          "header=unfilled",
          "optional=absent",
          "caller-map={header=Bearer {api_token}, upstream=" + UPSTREAM_TEXT + "}");

  @SecretRequirement(name = "api-token", parameter = "api_token")
  @SecretRequirement(name = "no-such-optional", parameter = "extra", optional = true)
  public static final class TokenNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of(
          "token",
          Outcome.of(inputs, "api_token", "KAILASH_SECRET_API_TOKEN"),
          "header",
          Outcome.header(inputs, "KAILASH_SECRET_API_TOKEN"),
          "optional",
          inputs.containsKey("extra") ? "present" : "absent",
          "upstream",
          UPSTREAM_TEXT.equals(inputs.get("upstream")) ? "literal" : "changed");
    }
  }

  @SecretRequirement(name = "not-there", parameter = "value")
  public static final class MissingSecretNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("ran", "yes");
    }
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("missing-detail")) {
      try {
        new MissingSecretNode().run(new HashMap<>());
        System.out.println("missing=not-raised");
      } catch (SecretNotFoundException e) {
        System.out.println("detail=" + e.detail());
        System.out.println("message=" + e.getMessage());
      }
      return;
    }
    if (args.length > 0 && args[0].equals("missing")) {
      try {
        new MissingSecretNode().run(new HashMap<>());
        System.out.println("missing=not-raised");
      } catch (SecretNotFoundException e) {
        System.out.println("missing=caught " + e.secretName());
      }
      return;
    }
    Map<String, Object> callerParameters = new LinkedHashMap<>();
    // The explicit opt-in to filling for a direct call: a SecretTemplate. A plain string from
    // elsewhere (here: text a user typed) stays literal.
    callerParameters.put("header", SecretTemplate.of("Bearer {api_token}"));
    callerParameters.put("upstream", UPSTREAM_TEXT);
    Map<String, Object> outputs = new TokenNode().run(callerParameters);
    System.out.println("upstream=" + outputs.get("upstream"));
    System.out.println("token=" + outputs.get("token"));
    System.out.println("header=" + outputs.get("header"));
    System.out.println("optional=" + outputs.get("optional"));
    System.out.println("caller-map=" + callerParameters);
  }
}
