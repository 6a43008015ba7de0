package io.kailash.secrets.agent.internal.transform;

import io.kailash.secrets.agent.internal.logging.AgentLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters the tests read: node classes woven, run-start hooks woven, transformation errors, class
 * loaders skipped because they cannot see the bridge, resolutions asked of the providers, and
 * internal faults. With the test-only key {@code internal.stats-file} they are written there at JVM
 * exit, one {@code name=value} each.
 */
public final class TransformStats {

  private static final AgentLog LOG = AgentLog.of(TransformStats.class);

  final AtomicInteger transformed = new AtomicInteger();
  final AtomicInteger errors = new AtomicInteger();
  final AtomicInteger skippedLoaders = new AtomicInteger();
  final AtomicInteger retransformed = new AtomicInteger();
  final AtomicInteger runStartHooks = new AtomicInteger();
  private final AtomicLong resolutions = new AtomicLong();
  private final AtomicLong internalFaults = new AtomicLong();

  /**
   * Resolutions are counted only for the stats file: the count is an atomic increment on every node
   * call, a shared write that the warm call path (issue 16) should not pay for a test counter.
   */
  private volatile boolean countResolutions;

  public void resolution() {
    if (countResolutions) {
      resolutions.incrementAndGet();
    }
  }

  public void internalFault() {
    internalFaults.incrementAndGet();
  }

  public int transformed() {
    return transformed.get();
  }

  public int runStartHooks() {
    return runStartHooks.get();
  }

  public int errors() {
    return errors.get();
  }

  @Override
  public String toString() {
    return "transformed="
        + transformed
        + " errors="
        + errors
        + " skipped-loaders="
        + skippedLoaders
        + " retransformed="
        + retransformed
        + " run-start-hooks="
        + runStartHooks
        + " resolutions="
        + resolutions
        + " internal-faults="
        + internalFaults;
  }

  /** Writes the counters to {@code file} when the JVM exits. */
  public void writeAtExit(Path file) {
    countResolutions = true;
    // A Thread subclass, not a lambda: this runs in premain, where a first lambda costs a bootstrap
    // (and StartupFootprintIT, which sets the stats file, checks that none is created).
    Thread hook =
        new Thread("kailash-secrets-stats") {
          @Override
          public void run() {
            try {
              Files.writeString(
                  file, TransformStats.this.toString() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
              LOG.warn("Cannot write the stats file {}", file, e);
            }
          }
        };
    hook.setContextClassLoader(null);
    Runtime.getRuntime().addShutdownHook(hook);
  }
}
