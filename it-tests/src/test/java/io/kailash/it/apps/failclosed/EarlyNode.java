package io.kailash.it.apps.failclosed;

import io.kailash.it.apps.Outcome;
import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/** Loaded by {@link EarlyLoaderAgent} before the kailash-secrets agent's premain. */
@SecretRequirement(name = "api-token", parameter = "api_token")
public final class EarlyNode extends Node {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    return Map.of("token", Outcome.of(inputs, "api_token", "KAILASH_SECRET_API_TOKEN"));
  }
}
