package io.kailash.it.apps.check;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/** Declares a required secret that no backend of the check tests has. */
@SecretRequirement(name = "app/forgotten-key", parameter = "key")
public class MissingSecretNode extends Node {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    return Map.of();
  }
}
