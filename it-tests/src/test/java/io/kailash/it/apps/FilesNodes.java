package io.kailash.it.apps;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/**
 * Nodes whose secrets are files in a Kubernetes-style Secret volume; each reports what it received
 * through {@link Outcome}, compared with an {@code EXPECTED_*} variable the test sets.
 */
final class FilesNodes {

  private FilesNodes() {}

  /** A whole file, read through the per-key link and {@code ..data}. */
  @SecretRequirement(name = "app/api-token", parameter = "api_token")
  static final class ApiTokenNode extends Node {
    private final String expected;

    ApiTokenNode(String expected) {
      this.expected = expected;
    }

    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("token", Outcome.of(inputs, "api_token", expected));
    }
  }

  /** One field of a JSON file ({@code name#field}). */
  @SecretRequirement(name = "app/db#password", parameter = "db_password")
  static final class DbPasswordNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("password", Outcome.of(inputs, "db_password", "EXPECTED_DB_PASSWORD"));
    }
  }

  /** A required secret with no file. */
  @SecretRequirement(name = "app/missing", parameter = "missing")
  static final class MissingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("missing", "ran without its secret");
    }
  }

  /** A file that is a symbolic link to a file outside the volume. */
  @SecretRequirement(name = "app/escape", parameter = "escape")
  static final class EscapeNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("escape", Outcome.of(inputs, "escape", "KAILASH_SECRET_APP_ESCAPE"));
    }
  }
}
