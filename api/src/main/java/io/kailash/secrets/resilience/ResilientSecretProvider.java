package io.kailash.secrets.resilience;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNames;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.internal.ForwardingProvider;
import io.kailash.secrets.internal.JmxRegistration;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.management.ObjectName;

/**
 * Guards one provider: a circuit breaker around each call, retries of transient failures with
 * exponential backoff and jitter inside an overall deadline, and a timeout per attempt.
 *
 * <p>The circuit sees a call once, after its retries: {@code failure-threshold} calls that failed
 * transiently in a row open it. An open circuit fails fast with a transient {@code UNAVAILABLE},
 * which a {@link io.kailash.secrets.cache.CachingSecretProvider} in front answers with a stale
 * value where its stale-if-error window allows.
 */
public final class ResilientSecretProvider extends ForwardingProvider {

  /** The configuration keys under {@code resilience.}; {@code enabled} is read by the caller. */
  public static final Set<String> KEYS = ResilientSecretProviderBuilder.KEYS;

  private final RetryPolicy retry;
  private final CircuitBreaker circuit;
  private final TimedCall timedCall;
  private final Duration callTimeout;
  private final TimeSource time;
  private final ProviderStats stats = new ProviderStats();
  private final JmxRegistration mbean = new JmxRegistration();

  ResilientSecretProvider(ResilientSecretProviderBuilder settings) {
    super(settings.delegate);
    this.time = settings.timeSource;
    this.retry = settings.retryPolicy();
    this.circuit =
        new CircuitBreaker(delegate.name(), settings.failureThreshold, settings.openDuration, time);
    this.callTimeout = settings.callTimeout;
    this.timedCall =
        callTimeout.isZero() ? null : new TimedCall(delegate.name(), settings.callExecutor);
  }

  public static ResilientSecretProviderBuilder builder(SecretProvider delegate) {
    return new ResilientSecretProviderBuilder(delegate);
  }

  /**
   * A guard configured from the keys under {@code resilience.} (see {@link #KEYS}).
   *
   * @throws io.kailash.secrets.config.SecretsConfigurationException naming a malformed key
   */
  public static ResilientSecretProvider fromSettings(
      SecretProvider delegate, ProviderSettings resilienceSettings) {
    return builder(delegate).settings(resilienceSettings).build();
  }

  @Override
  public String getSecret(String name, String version) {
    SecretNames.requireValid(name, name());
    return call(
        name, List.of(new SecretRef(name, version)), () -> delegate.getSecret(name, version));
  }

  @Override
  public List<String> listSecrets() {
    return call(null, List.of(), delegate::listSecrets);
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    return call(null, refs, () -> delegate.getSecretValues(refs));
  }

  /** The longest wait for one attempt; zero when attempts are not timed. */
  public Duration callTimeout() {
    return callTimeout;
  }

  public CircuitBreaker circuit() {
    return circuit;
  }

  public ProviderStats stats() {
    return stats;
  }

  /**
   * Registers {@code io.kailash.secrets:type=Provider,name=<provider>}. A JMX failure is logged,
   * never thrown.
   *
   * @return the name registered, or empty if JMX refused
   */
  public Optional<ObjectName> registerMBean() {
    return mbean.register(
        "type=Provider,name=" + JmxRegistration.value(delegate.name()),
        new ProviderJmx(stats, circuit));
  }

  public void unregisterMBean() {
    mbean.unregister();
  }

  private <T> T call(String secretName, Collection<SecretRef> refs, Supplier<T> call) {
    stats.called();
    try {
      circuit.beforeCall(secretName);
    } catch (SecretBackendException open) {
      stats.failedFast();
      throw open;
    }
    long start = time.nanoTime();
    try {
      T result = retry.execute(() -> attempt(secretName, refs, start, call));
      circuit.onSuccess();
      return result;
    } catch (SecretNotFoundException notFound) {
      circuit.onSuccess(); // the backend answered
      throw notFound;
    } catch (SecretBackendException failure) {
      stats.failed();
      if (failure.isTransient()) {
        circuit.onFailure();
      } else {
        circuit.onSuccess(); // the backend answered, with a refusal
      }
      throw failure;
    } catch (RuntimeException | Error unexpected) {
      stats.failed();
      circuit.onFailure();
      throw unexpected;
    }
  }

  private <T> T attempt(
      String secretName, Collection<SecretRef> refs, long start, Supplier<T> call) {
    stats.attempted();
    if (timedCall == null) {
      return call.get();
    }
    // The last attempt may not outlive the overall deadline.
    Duration left = retry.deadline().minusNanos(time.nanoTime() - start);
    Duration timeout = left.compareTo(callTimeout) < 0 ? left : callTimeout;
    return timedCall.call(secretName, refs, timeout.isNegative() ? Duration.ZERO : timeout, call);
  }
}
