package io.kailash.it.apps.check;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/**
 * Node classes the {@code check} command scans (as class files; it never runs them): one with its
 * own secret, one that inherits a secret from an abstract superclass and adds an optional one.
 */
public final class CheckNodes {

  private CheckNodes() {}

  @SecretRequirement(name = "app/api-token", parameter = "api_token")
  public static class ApiNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of();
    }
  }

  /** Never runs itself (abstract): the check lists its subclasses, not it. */
  @SecretRequirement(name = "app/db#password", parameter = "db_password")
  public abstract static class DatabaseNode extends Node {}

  @SecretRequirement(name = "app/not-yet-created", parameter = "extra", optional = true)
  public static class ReportNode extends DatabaseNode {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of();
    }
  }
}
