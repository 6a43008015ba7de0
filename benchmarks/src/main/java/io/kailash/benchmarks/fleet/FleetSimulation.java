package io.kailash.benchmarks.fleet;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.secrets.resilience.ResilientSecretProvider;
import io.kailash.secrets.resilience.StartupJitter;
import io.kailash.secrets.resilience.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fleet of independent clients (each with its own cache, resilience layer and provider instance,
 * as each JVM with the agent has) starting within one second against one rate-limited backend,
 * directly or through per-host sidecars (a shared cache per host, as the Vault Agent or the Secrets
 * Manager Agent is). Prints one Markdown row per scenario: backend requests, requests refused by
 * the limit, clients that got their secrets, and the time until the last did.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.kailash.benchmarks.fleet.FleetSimulation
 * [clients=500] [limit=100] [secrets=5]}
 */
public final class FleetSimulation {

  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private FleetSimulation() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int secrets = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<FleetScenario> scenarios =
        List.of(
            new FleetScenario("direct", Duration.ZERO, false, 0),
            new FleetScenario("direct, batching", Duration.ZERO, true, 0),
            new FleetScenario("direct, startup.jitter=5s", Duration.ofSeconds(5), false, 0),
            new FleetScenario(
                "direct, startup.jitter=5s, batching", Duration.ofSeconds(5), true, 0),
            new FleetScenario(
                "direct, startup.jitter=10s, batching", Duration.ofSeconds(10), true, 0),
            new FleetScenario("sidecar per 10 clients", Duration.ZERO, false, 10),
            new FleetScenario("sidecar per 10 clients, batching", Duration.ZERO, true, 10));
    System.out.printf(
        "%d clients, %d secrets each, limit %d requests/s (429 + Retry-After: 1 above)%n%n",
        clients, secrets, limit);
    System.out.println(
        "| Scenario | Backend requests | Refused by the limit | Clients served | Time until all"
            + " served |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (FleetScenario scenario : scenarios) {
      run(scenario, clients, limit, secrets);
    }
  }

  private static void run(FleetScenario scenario, int clients, int limit, int secrets)
      throws InterruptedException {
    RateLimitedBackend backend = new RateLimitedBackend(limit, Duration.ofMillis(2));
    List<SecretRef> refs = new ArrayList<>();
    for (int i = 0; i < secrets; i++) {
      refs.add(SecretRef.current("app/secret-" + i));
    }
    List<SecretProvider> sidecars = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(clients);
    AtomicInteger served = new AtomicInteger();
    AtomicLong lastServed = new AtomicLong();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      SecretProvider upstream = backend;
      if (scenario.clientsPerSidecar() > 0) {
        if (c % scenario.clientsPerSidecar() == 0) {
          sidecars.add(CachingSecretProvider.builder(backend).build());
        }
        upstream = sidecars.get(sidecars.size() - 1);
      }
      SecretProvider client = client(upstream, scenario);
      long startAt = ThreadLocalRandom.current().nextLong(1_000_000_000L);
      Thread thread =
          new Thread(
              () -> {
                try {
                  sleepUntil(start + startAt);
                  if (readUntilServed(client, refs, start)) {
                    served.incrementAndGet();
                    lastServed.accumulateAndGet(System.nanoTime() - start, Math::max);
                  }
                } finally {
                  done.countDown();
                }
              });
      thread.setDaemon(true);
      thread.start();
    }
    done.await(GIVE_UP.toSeconds() + 30, TimeUnit.SECONDS);
    System.out.printf(
        "| %s | %d | %d | %d of %d | %.1f s |%n",
        scenario.name(),
        backend.requests(),
        backend.refused(),
        served.get(),
        clients,
        lastServed.get() / 1e9);
  }

  /**
   * One JVM's layers as the agent builds them: its own cache over {@code startup.jitter} over its
   * own resilience layer over its own provider.
   */
  private static SecretProvider client(SecretProvider upstream, FleetScenario scenario) {
    SecretProvider own = new ClientProvider(upstream, scenario.batching());
    SecretProvider guarded =
        ResilientSecretProvider.builder(own).callTimeout(Duration.ZERO).build();
    if (!scenario.jitter().isZero()) {
      guarded = new StartupJitter(guarded, scenario.jitter(), TimeSource.system());
    }
    return CachingSecretProvider.builder(guarded).build();
  }

  /** Reads until every secret arrived, as an application re-running a failed node would. */
  private static boolean readUntilServed(SecretProvider client, List<SecretRef> refs, long start) {
    while (System.nanoTime() - start < GIVE_UP.toNanos()) {
      try {
        if (client.getSecretValues(refs).size() == refs.size()) {
          return true;
        }
      } catch (SecretBackendException failed) {
        sleepUntil(System.nanoTime() + 1_000_000_000L);
      }
    }
    return false;
  }

  private static void sleepUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
