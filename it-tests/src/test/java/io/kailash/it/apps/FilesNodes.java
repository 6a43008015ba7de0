package io.kailash.it.apps;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/**
 * The node only the files IT has (the others are {@link AppNodes}); it reports what it received
 * through {@link Outcome}.
 */
final class FilesNodes {

  private FilesNodes() {}

  /** A file that is a symbolic link to a file outside the volume. */
  @SecretRequirement(name = "app/escape", parameter = "escape")
  static final class EscapeNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("escape", Outcome.of(inputs, "escape", "KAILASH_SECRET_APP_ESCAPE"));
    }
  }
}
