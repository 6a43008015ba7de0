package io.kailash.benchmarks;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/** Node classes whose {@code run} reads its secrets and returns a constant, so it costs nothing. */
final class BenchmarkNodes {

  private static final Map<String, Object> DONE = Map.of("ok", Boolean.TRUE);

  private BenchmarkNodes() {}

  @SecretRequirement(name = "bench-key-1", parameter = "key_1")
  static final class OneSecretNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return inputs.get("key_1") == null ? Map.of() : DONE;
    }
  }

  @SecretRequirement(name = "bench-key-1", parameter = "key_1")
  @SecretRequirement(name = "bench-key-2", parameter = "key_2")
  @SecretRequirement(name = "bench-key-3", parameter = "key_3")
  @SecretRequirement(name = "bench-key-4", parameter = "key_4")
  @SecretRequirement(name = "bench-key-5", parameter = "key_5")
  static final class FiveSecretNode extends Node {
    private static final String[] PARAMETERS = {"key_1", "key_2", "key_3", "key_4", "key_5"};

    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      for (String parameter : PARAMETERS) {
        if (inputs.get(parameter) == null) {
          return Map.of();
        }
      }
      return DONE;
    }
  }
}
