package io.kailash.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link NodeRunBenchmark} without and with the agent, one after the other in the same
 * invocation, and prints both with the overhead per call.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.kailash.benchmarks.PerCallComparison <agent jar> <agent properties>}, with {@code
 * KAILASH_SECRET_BENCH_KEY_1..5} set.
 */
public final class PerCallComparison {

  private PerCallComparison() {}

  public static void main(String[] args) throws RunnerException {
    if (args.length != 2 || !Files.isRegularFile(Path.of(args[0]))) {
      System.err.println("usage: PerCallComparison <kailash-secrets.jar> <agent properties file>");
      System.exit(64);
    }
    String agent = "-javaagent:" + args[0] + "=config=" + args[1];
    Map<String, Double> baseline = run(options(null));
    Map<String, Double> withAgent = run(options(agent));
    System.out.printf(
        "%n%-20s %14s %14s %14s%n", "benchmark", "no agent ns", "agent ns", "overhead ns");
    for (Map.Entry<String, Double> entry : baseline.entrySet()) {
      double with = withAgent.get(entry.getKey());
      System.out.printf(
          "%-20s %14.1f %14.1f %14.1f%n",
          entry.getKey(), entry.getValue(), with, with - entry.getValue());
    }
  }

  private static Options options(String agentArgument) {
    OptionsBuilder options = new OptionsBuilder();
    options.include(NodeRunBenchmark.class.getName());
    if (agentArgument != null) {
      options.jvmArgsAppend(agentArgument);
    }
    return options.build();
  }

  private static Map<String, Double> run(Options options) throws RunnerException {
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> scores = new LinkedHashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      scores.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
    }
    return scores;
  }
}
