package io.kailash.it.apps.thirdparty;

import io.kailash.it.apps.Outcome;
import io.kailash.workflow.Node;
import java.util.Map;

/**
 * Stands for a node class from a library the application cannot change: no
 * {@code @SecretRequirement}. Its secrets are declared in the agent's configuration.
 */
public class SigningNode extends Node {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    return Map.of(
        "key", Outcome.of(inputs, "secret_key", "KAILASH_SECRET_JWT_SIGNING_KEY"),
        "token", Outcome.of(inputs, "api_token", "KAILASH_SECRET_API_TOKEN"));
  }
}
