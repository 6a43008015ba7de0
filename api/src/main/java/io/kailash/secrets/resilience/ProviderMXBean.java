package io.kailash.secrets.resilience;

/**
 * The JMX view of one provider behind a {@link ResilientSecretProvider}, registered as {@code
 * io.kailash.secrets:type=Provider,name=<provider>}.
 */
public interface ProviderMXBean {

  long getCalls();

  long getAttempts();

  long getFailures();

  long getFastFailures();

  /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
  String getCircuitState();

  /** 1 while the circuit is open or half-open, 0 when closed: sums to the open circuits. */
  int getOpenCircuits();

  long getCircuitOpenings();
}
