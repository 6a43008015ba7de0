package io.kailash.benchmarks;

import io.kailash.workflow.Node;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A direct {@code node.run(params)} call. Run by {@link PerCallComparison} twice: in a JVM with the
 * agent (secrets injected from a warm cache) and in one without it, where the same values are
 * passed as ordinary parameters so that the node's body does the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NodeRunBenchmark {

  private final Node oneSecret = new BenchmarkNodes.OneSecretNode();
  private final Node fiveSecrets = new BenchmarkNodes.FiveSecretNode();
  private Map<String, Object> oneSecretParameters;
  private Map<String, Object> fiveSecretParameters;
  private Map<String, Object> oneSecretTwentyOtherParameters;

  @Setup
  public void parameters() {
    boolean agent = agentIsLoaded();
    oneSecretParameters = parameters(agent ? 0 : 1);
    fiveSecretParameters = parameters(agent ? 0 : 5);
    oneSecretTwentyOtherParameters = parameters(agent ? 0 : 1);
    for (int i = 3; i <= 20; i++) {
      oneSecretTwentyOtherParameters.put("setting_" + i, i % 2 == 0 ? "value-" + i : i);
    }
    if (oneSecret.run(oneSecretParameters).isEmpty()
        || fiveSecrets.run(fiveSecretParameters).isEmpty()
        || oneSecret.run(oneSecretTwentyOtherParameters).isEmpty()) {
      throw new IllegalStateException(
          "The nodes did not get their secrets: set KAILASH_SECRET_BENCH_KEY_1..5 (with the agent)");
    }
  }

  /** The agent jar is on the system class path exactly when the JVM was started with it. */
  static boolean agentIsLoaded() {
    return ClassLoader.getSystemResource("io/kailash/secrets/agent/bridge/SecretsBridge.class")
        != null;
  }

  private static Map<String, Object> parameters(int literalSecrets) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("url", "https://api.example.test/v1/orders");
    parameters.put("timeout_ms", 2500);
    for (int i = 1; i <= literalSecrets; i++) {
      parameters.put("key_" + i, "literal-value-" + i);
    }
    return parameters;
  }

  @Benchmark
  public Map<String, Object> runWithOneSecret() {
    return oneSecret.run(oneSecretParameters);
  }

  /** One secret among 20 other parameters: the cost should not grow with them (issue 16). */
  @Benchmark
  public Map<String, Object> runWithOneSecretAndTwentyOtherParameters() {
    return oneSecret.run(oneSecretTwentyOtherParameters);
  }

  @Benchmark
  public Map<String, Object> runWithFiveSecrets() {
    return fiveSecrets.run(fiveSecretParameters);
  }
}
