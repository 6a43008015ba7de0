package io.kailash.benchmarks;

import io.kailash.secrets.injection.InjectedParameters;
import io.kailash.secrets.injection.InjectionListener;
import io.kailash.secrets.injection.NodeInputs;
import io.kailash.secrets.injection.ParameterInjector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Builds a node's run parameters from a realistic HTTP-request parameter map: a URL, a method, a
 * timeout, headers with two placeholders, a nested body with one more, and a list of tags.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlaceholderFillingBenchmark {

  /** The author's addNode parameters, as LocalRuntime hands them over: all are templates. */
  private final Map<String, Object> authorsParameters =
      Map.of(
          "url",
          "https://api.example.test/v2/orders",
          "method",
          "POST",
          "timeout_ms",
          2500,
          "headers",
          Map.of(
              "Authorization", "Bearer {api_token}",
              "X-Tenant", "{tenant_key}",
              "Accept", "application/json"),
          "body",
          Map.of("customer", "c-42", "signature", "sig:{signing_key}", "items", List.of(1, 2)),
          "tags",
          List.of("orders", "nightly", "eu-west"));

  private final Map<String, Object> parameters =
      new NodeInputs(authorsParameters, authorsParameters.keySet(), value -> {});

  private final Map<String, String> secrets =
      Map.of(
          "api_token", "token-0123456789abcdef",
          "tenant_key", "tenant-key-42",
          "signing_key", "signing-key-fedcba9876543210");

  private static final InjectionListener IGNORE =
      new InjectionListener() {
        @Override
        public void overriddenParameter(Class<?> nodeClass, String parameter) {}

        @Override
        public void undeclaredPlaceholder(Class<?> nodeClass, String name) {}
      };

  private final Map<String, Object> plainParameters =
      new java.util.HashMap<>(Map.of("url", "https://x.test", "n", 1));

  @Benchmark
  public InjectedParameters fillThreePlaceholdersInNestedMap() {
    return ParameterInjector.inject(getClass(), parameters, secrets, IGNORE);
  }

  @Benchmark
  public InjectedParameters injectWithoutPlaceholders() {
    return ParameterInjector.inject(getClass(), plainParameters, secrets, IGNORE);
  }
}
