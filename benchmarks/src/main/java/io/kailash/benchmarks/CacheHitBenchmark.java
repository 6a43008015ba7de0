package io.kailash.benchmarks;

import com.amazonaws.secretsmanager.caching.SecretCache;
import com.amazonaws.secretsmanager.caching.SecretCacheConfiguration;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm cache hit, side by side in one run: our {@link CachingSecretProvider}, a Caffeine cache
 * with {@code expireAfterWrite} (the usual general-purpose choice, read through {@code get(key,
 * loader)} as a loading cache is), and the AWS Secrets Manager caching client 2.1.1 over an
 * in-process client. All three hold one secret with a TTL of an hour, so every call is a hit. Run
 * with {@code -prof gc} for the allocation per hit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CacheHitBenchmark {

  private static final String NAME = "api-token";
  private static final String VALUE = "benchmark-token-value";

  private CachingSecretProvider ours;
  private Cache<String, String> caffeine;
  private Function<String, String> caffeineLoader;
  private SecretCache aws;

  @Setup
  public void warmCaches() {
    MapSecretProvider backend = new MapSecretProvider("bench").put(NAME, VALUE);
    ours = CachingSecretProvider.builder(backend).ttl(Duration.ofHours(1)).refreshAhead(0).build();
    ours.getSecret(NAME);

    caffeine = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();
    caffeineLoader = new BackendRead(backend);
    caffeine.get(NAME, caffeineLoader);

    aws =
        new SecretCache(
            new SecretCacheConfiguration()
                .withClient(new InProcessSecretsManager(NAME, VALUE))
                .withCacheItemTTL(TimeUnit.HOURS.toMillis(1)));
    aws.getSecretString(NAME);
  }

  @TearDown
  public void close() {
    aws.close();
  }

  @Benchmark
  @Threads(1)
  public String kailashOneThread() {
    return ours.getSecret(NAME);
  }

  @Benchmark
  @Threads(1)
  public String caffeineOneThread() {
    return caffeine.get(NAME, caffeineLoader);
  }

  @Benchmark
  @Threads(1)
  public String awsCachingClientOneThread() {
    return aws.getSecretString(NAME);
  }

  @Benchmark
  @Threads(2)
  public String kailashTwoThreads() {
    return ours.getSecret(NAME);
  }

  @Benchmark
  @Threads(2)
  public String caffeineTwoThreads() {
    return caffeine.get(NAME, caffeineLoader);
  }

  @Benchmark
  @Threads(2)
  public String awsCachingClientTwoThreads() {
    return aws.getSecretString(NAME);
  }

  /** Caffeine's loader: a class, so that a hit passes the same object every time. */
  private static final class BackendRead implements Function<String, String> {
    private final MapSecretProvider backend;

    BackendRead(MapSecretProvider backend) {
      this.backend = backend;
    }

    @Override
    public String apply(String name) {
      return backend.getSecret(name);
    }
  }
}
