package io.kailash.secrets.resilience;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SettingsSupport;
import io.kailash.secrets.internal.KeyBindings;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Configures a {@link ResilientSecretProvider}. Every setting has a default; the configuration key
 * under {@code resilience.} is given with each.
 */
public final class ResilientSecretProviderBuilder {

  /**
   * The configuration keys under {@code resilience.}: a literal, so that the agent's key catalog
   * reads them in premain without creating the bindings' method references (a lambda bootstrap per
   * setter); {@link #boundKeys} must give the same set (tested).
   */
  public static final Set<String> KEYS =
      Set.of(
          "enabled",
          "call-timeout",
          "deadline",
          "retry.max-attempts",
          "retry.initial-backoff",
          "retry.max-backoff",
          "retry.jitter",
          "circuit.failure-threshold",
          "circuit.open-duration");

  /**
   * Each key under {@code resilience.} with its setter, made on first use; {@code enabled} is read
   * by the caller.
   */
  private static final class Bindings {
    static final KeyBindings<ResilientSecretProviderBuilder> SETTINGS =
        new KeyBindings<ResilientSecretProviderBuilder>()
            .duration("call-timeout", ResilientSecretProviderBuilder::callTimeout)
            .duration("deadline", ResilientSecretProviderBuilder::deadline)
            .integer("retry.max-attempts", ResilientSecretProviderBuilder::maxAttempts)
            .duration("retry.initial-backoff", ResilientSecretProviderBuilder::initialBackoff)
            .duration("retry.max-backoff", ResilientSecretProviderBuilder::maxBackoff)
            .fraction("retry.jitter", ResilientSecretProviderBuilder::retryJitter)
            .integer("circuit.failure-threshold", ResilientSecretProviderBuilder::failureThreshold)
            .duration("circuit.open-duration", ResilientSecretProviderBuilder::openDuration);
  }

  /** The keys the bindings apply, with {@code enabled}: equal to {@link #KEYS}. */
  static Set<String> boundKeys() {
    return Bindings.SETTINGS.keys("enabled");
  }

  final SecretProvider delegate;
  Duration callTimeout = Duration.ofSeconds(3);
  Duration deadline = Duration.ofSeconds(10);
  int maxAttempts = 3;
  Duration initialBackoff = Duration.ofMillis(100);
  Duration maxBackoff = Duration.ofSeconds(2);
  double retryJitter = 0.2;
  int failureThreshold = 5;
  Duration openDuration = Duration.ofSeconds(30);
  TimeSource timeSource = TimeSource.system();
  Executor callExecutor;
  boolean retryTimeouts = true;

  ResilientSecretProviderBuilder(SecretProvider delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * The longest wait for one attempt ({@code resilience.call-timeout}, default 3s); 0 turns it off
   * and calls run on the caller's thread, bounded only by the provider's own client timeouts.
   */
  public ResilientSecretProviderBuilder callTimeout(Duration timeout) {
    this.callTimeout = SettingsSupport.notNegative(timeout, "call-timeout");
    return this;
  }

  /**
   * The time after the first attempt beyond which no attempt starts and the last one is cut short
   * ({@code resilience.deadline}, default 10s).
   */
  public ResilientSecretProviderBuilder deadline(Duration deadline) {
    this.deadline = SettingsSupport.positive(deadline, "deadline");
    return this;
  }

  /** Attempts per call, retries included ({@code resilience.retry.max-attempts}, default 3). */
  public ResilientSecretProviderBuilder maxAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("max-attempts must be at least 1, was " + attempts);
    }
    this.maxAttempts = attempts;
    return this;
  }

  /** The pause before the first retry, doubled each time ({@code retry.initial-backoff}, 100ms). */
  public ResilientSecretProviderBuilder initialBackoff(Duration backoff) {
    this.initialBackoff = SettingsSupport.notNegative(backoff, "initial-backoff");
    return this;
  }

  /** The longest pause between attempts ({@code resilience.retry.max-backoff}, default 2s). */
  public ResilientSecretProviderBuilder maxBackoff(Duration backoff) {
    this.maxBackoff = SettingsSupport.notNegative(backoff, "max-backoff");
    return this;
  }

  /** The random spread of each pause ({@code resilience.retry.jitter}, default 0.2 = ±20 %). */
  public ResilientSecretProviderBuilder retryJitter(double jitter) {
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
    this.retryJitter = jitter;
    return this;
  }

  /**
   * Calls failing transiently in a row that open the circuit ({@code
   * resilience.circuit.failure-threshold}, default 5).
   */
  public ResilientSecretProviderBuilder failureThreshold(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failure-threshold must be at least 1, was " + failures);
    }
    this.failureThreshold = failures;
    return this;
  }

  /**
   * How long an open circuit fails calls fast before a probe ({@code
   * resilience.circuit.open-duration}, default 30s).
   */
  public ResilientSecretProviderBuilder openDuration(Duration duration) {
    this.openDuration = SettingsSupport.notNegative(duration, "open-duration");
    return this;
  }

  /**
   * Whether an attempt that timed out is tried again (default: yes). A chain member that may fall
   * through to the next provider should not: a hanging backend would otherwise hold the read for
   * every attempt's timeout before the next provider is asked.
   */
  public ResilientSecretProviderBuilder retryTimeouts(boolean retry) {
    this.retryTimeouts = retry;
    return this;
  }

  public ResilientSecretProviderBuilder timeSource(TimeSource timeSource) {
    this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
    return this;
  }

  /**
   * Where timed attempts run; default: a shared pool of daemon threads named {@code
   * kailash-secrets-call-N}.
   */
  public ResilientSecretProviderBuilder callExecutor(Executor executor) {
    this.callExecutor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /** Applies every key of {@link ResilientSecretProvider#KEYS} present in {@code resilience}. */
  public ResilientSecretProviderBuilder settings(ProviderSettings resilience) {
    Bindings.SETTINGS.apply(resilience, this);
    return this;
  }

  public ResilientSecretProvider build() {
    return new ResilientSecretProvider(this);
  }

  RetryPolicy retryPolicy() {
    RetryPolicy policy =
        new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, retryJitter, deadline, timeSource);
    return retryTimeouts ? policy : policy.withoutTimeoutRetries();
  }
}
