package io.kailash.benchmarks;

import io.kailash.secrets.cache.CachingSecretProvider;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm cache hit: what every node run costs once a secret is cached. Run with {@code -prof gc} to
 * see the allocation per hit (the goal is none).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CacheHitBenchmark {

  private CachingSecretProvider cache;

  @Setup
  public void warmCache() {
    InMemoryBackend backend =
        new InMemoryBackend(0, TimeUnit.NANOSECONDS).put("api-token", "benchmark-token-value");
    cache = CachingSecretProvider.builder(backend).ttl(Duration.ofHours(1)).refreshAhead(0).build();
    cache.getSecret("api-token");
  }

  @Benchmark
  @Threads(1)
  public String hitOneThread() {
    return cache.getSecret("api-token");
  }

  @Benchmark
  @Threads(8)
  public String hitEightThreads() {
    return cache.getSecret("api-token");
  }
}
