package io.kailash.benchmarks.startup;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;

/**
 * The start-up baseline for any {@code -javaagent}: premain registers one transformer that changes
 * nothing. What the JVM charges for this (opening the agent jar, giving up the archived module
 * graph, calling the transformer for every class) is not the agent's own cost, so {@code
 * benchmarks/startup.sh} reports kailash-secrets against this agent as well as against no agent.
 * Packaged alone as {@code benchmarks/target/noop-agent.jar}.
 */
public final class NoOpAgent {

  private NoOpAgent() {}

  public static void premain(String agentArgs, Instrumentation instrumentation) {
    instrumentation.addTransformer(new Unchanged(), true);
  }

  /** Returns {@code null}: the class is left as it is. */
  private static final class Unchanged implements ClassFileTransformer {}
}
