package io.kailash.benchmarks.startup;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Runs an application's {@code main} and prints, on stderr, the bytes the main thread allocated
 * before it (JVM start and the agents' {@code premain}) and while it ran, with the thread's CPU
 * time. Unlike wall time and peak RSS these counts do not move with the machine's load, and until
 * the first GC every allocated byte is a freshly touched heap page, so they explain most of an
 * agent's resident memory (docs/benchmarks.md).
 *
 * <p>Usage: {@code java [-javaagent:...] -cp benchmarks.jar[:app] io.kailash.benchmarks.startup
 * .AllocationProbe [main class [args...]]} (default: {@link HelloWorldApp}).
 */
public final class AllocationProbe {

  private AllocationProbe() {}

  public static void main(String[] args) throws Exception {
    ThreadMXBean thread = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long cpuBefore = thread.getCurrentThreadCpuTime();
    long before = thread.getCurrentThreadAllocatedBytes();
    String main = args.length > 0 ? args[0] : HelloWorldApp.class.getName();
    String[] rest = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[0];
    Class.forName(main).getMethod("main", String[].class).invoke(null, (Object) rest);
    long after = thread.getCurrentThreadAllocatedBytes();
    long cpuAfter = thread.getCurrentThreadCpuTime();
    System.err.println(
        "allocated before main: "
            + before / 1024
            + " KiB ("
            + cpuBefore / 1_000_000
            + " ms cpu), by main: "
            + (after - before) / 1024
            + " KiB ("
            + (cpuAfter - cpuBefore) / 1_000_000
            + " ms cpu)");
  }
}
