package io.kailash.it.apps;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * Nodes of the backend ITs (Vault, files) that read the same names from each backend; each reports
 * what it received through {@link Outcome}, compared with an {@code EXPECTED_*} variable the test
 * sets. {@link #outcomeOf} runs one as an application would, catching the agent's failures as the
 * application's own exception classes.
 */
final class AppNodes {

  private AppNodes() {}

  /** A whole secret (Vault: one field; files: read through the per-key link and {@code ..data}). */
  @SecretRequirement(name = "app/api-token", parameter = "api_token")
  static final class ApiTokenNode extends Node {
    private final String expected;

    ApiTokenNode() {
      this("EXPECTED_API_TOKEN");
    }

    ApiTokenNode(String expected) {
      this.expected = expected;
    }

    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("token", Outcome.of(inputs, "api_token", expected));
    }
  }

  /** One field of a secret with several, or of a JSON file ({@code name#field}). */
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

  /**
   * Runs {@code node} and returns its {@code output}, {@code not-found}, or the backend failure's
   * reason: one line of the app's report, never a value.
   */
  static Object outcomeOf(Node node, String output) {
    try {
      return node.run(new HashMap<>()).get(output);
    } catch (SecretNotFoundException e) {
      return "not-found";
    } catch (SecretBackendException e) {
      return e.reason();
    }
  }
}
