package io.kailash.benchmarks;

import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 64 threads ask for the same cold secret at once, against a backend that takes 5 ms to answer: the
 * time until all 64 have the value, and how many backend calls that cost (the goal is one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(1)
public class SingleFlightBenchmark {

  static final int THREADS = 64;
  static final AtomicInteger KEYS = new AtomicInteger();

  private ExecutorService pool;
  private MapSecretProvider backend;
  private CachingSecretProvider cache;
  private String coldKey;

  /** Reported beside the time: backend calls per invocation. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class BackendCalls {
    public long backendCalls;
  }

  @Setup(Level.Trial)
  public void startThreads() {
    pool = Executors.newFixedThreadPool(THREADS);
    backend = new MapSecretProvider("bench").latency(Duration.ofMillis(5));
    cache = CachingSecretProvider.builder(backend).build();
  }

  @Setup(Level.Invocation)
  public void newColdKey() {
    coldKey = "cold-" + KEYS.incrementAndGet();
    backend.put(coldKey, "value-of-" + coldKey);
  }

  @Benchmark
  public int sixtyFourThreadsOneColdKey(BackendCalls counters) throws Exception {
    long callsBefore = backend.calls();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> answers = new ArrayList<>(THREADS);
    for (int i = 0; i < THREADS; i++) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return cache.getSecret(coldKey);
              }));
    }
    start.countDown();
    int served = 0;
    for (Future<String> answer : answers) {
      served += answer.get().isEmpty() ? 0 : 1;
    }
    counters.backendCalls += backend.calls() - callsBefore;
    return served;
  }

  @TearDown(Level.Trial)
  public void stopThreads() {
    pool.shutdownNow();
  }
}
