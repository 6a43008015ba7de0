package io.kailash.it.apps;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/**
 * The node only the Vault IT has (the others are {@link AppNodes}, in Vault as KV v2 under mount
 * {@code secret}); it reports what it received through {@link Outcome}.
 */
final class VaultNodes {

  private VaultNodes() {}

  /** A secret outside the paths the application's Vault token may read. */
  @SecretRequirement(name = "team-b/key", parameter = "key")
  static final class ForbiddenNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("key", Outcome.of(inputs, "key", "KAILASH_SECRET_TEAM_B_KEY"));
    }
  }
}
