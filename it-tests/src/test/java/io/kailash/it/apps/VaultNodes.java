package io.kailash.it.apps;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/**
 * Nodes whose secrets live in Vault (KV v2, mount {@code secret}); each reports what it received
 * through {@link Outcome}, compared with an {@code EXPECTED_*} variable the test sets.
 */
final class VaultNodes {

  private VaultNodes() {}

  /** A whole secret with one field. */
  @SecretRequirement(name = "app/api-token", parameter = "api_token")
  static final class ApiTokenNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("token", Outcome.of(inputs, "api_token", "EXPECTED_API_TOKEN"));
    }
  }

  /** One field of a secret with several ({@code name#field}). */
  @SecretRequirement(name = "app/db#password", parameter = "db_password")
  static final class DbPasswordNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("password", Outcome.of(inputs, "db_password", "EXPECTED_DB_PASSWORD"));
    }
  }

  /** A required secret that is in no backend. */
  @SecretRequirement(name = "app/missing", parameter = "missing")
  static final class MissingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("missing", "ran without its secret");
    }
  }

  /** A secret outside the paths the application's Vault token may read. */
  @SecretRequirement(name = "team-b/key", parameter = "key")
  static final class ForbiddenNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("key", Outcome.of(inputs, "key", "KAILASH_SECRET_TEAM_B_KEY"));
    }
  }
}
