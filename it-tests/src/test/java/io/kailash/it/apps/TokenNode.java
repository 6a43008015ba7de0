package io.kailash.it.apps;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/** A node that needs {@code api-token} and reports whether it got it. */
@SecretRequirement(name = "api-token", parameter = "api_token")
public final class TokenNode extends Node {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    return Map.of("token", Outcome.of(inputs, "api_token", "KAILASH_SECRET_API_TOKEN"));
  }
}
