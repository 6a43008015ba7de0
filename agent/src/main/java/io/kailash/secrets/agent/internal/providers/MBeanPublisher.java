package io.kailash.secrets.agent.internal.providers;

import io.kailash.secrets.agent.internal.logging.AgentLog;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.secrets.resilience.ResilientSecretProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registers the MBeans of the layers: the cache around the chain ({@code
 * io.kailash.secrets:type=SecretCache}) and each provider's resilience layer ({@code
 * type=Provider,name=<provider>}) on a daemon thread, a while after the agent started.
 *
 * <p>Why not in premain: the first use of the platform MBean server loads about 950 JDK classes
 * (JDK 17, counted with {@code -Xlog:class+load}), which a short-lived application should not pay
 * at start; one that lives longer than {@link #DELAY_MILLIS} gets its MBeans. The thread has no
 * context class loader, so JMX never looks classes up in the application's loader.
 */
public final class MBeanPublisher implements Runnable {

  /** How long after the start the MBeans are registered. */
  static final long DELAY_MILLIS = 1000;

  private static final String THREAD_NAME = "kailash-secrets-jmx";
  private static final AgentLog LOG = AgentLog.of(MBeanPublisher.class);

  private volatile CachingSecretProvider cache;
  private final List<ResilientSecretProvider> resilience = new CopyOnWriteArrayList<>();

  void cache(CachingSecretProvider layer) {
    cache = layer;
  }

  /** One per provider: each has its own circuit, timeouts and counters. */
  void resilience(ResilientSecretProvider layer) {
    resilience.add(layer);
  }

  /** Whether there is anything to register (the env-only chain has neither layer by default). */
  public boolean hasMBeans() {
    return cache != null || !resilience.isEmpty();
  }

  /** Starts the daemon thread that registers the MBeans after {@link #DELAY_MILLIS}. */
  public void publishLater() {
    Thread thread = new Thread(this, THREAD_NAME);
    thread.setDaemon(true);
    thread.setContextClassLoader(null);
    thread.start();
  }

  @Override
  public void run() {
    try {
      Thread.sleep(DELAY_MILLIS);
      publishNow();
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | LinkageError failure) {
      // JmxRegistration logs what JMX refuses; this is anything else. Secrets resolve regardless.
      LOG.warn(
          "Could not register the agent's MBeans; secrets still resolve: {}", failure.toString());
    }
  }

  /** Registers the MBeans on the calling thread; JMX failures are logged, never thrown. */
  void publishNow() {
    for (ResilientSecretProvider layer : resilience) {
      layer.registerMBean();
    }
    if (cache != null) {
      cache.registerMBean();
    }
  }
}
