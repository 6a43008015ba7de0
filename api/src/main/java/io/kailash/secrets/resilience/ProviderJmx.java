package io.kailash.secrets.resilience;

/** Adapts a provider's counters and circuit to {@link ProviderMXBean}. */
final class ProviderJmx implements ProviderMXBean {

  private final ProviderStats stats;
  private final CircuitBreaker circuit;

  ProviderJmx(ProviderStats stats, CircuitBreaker circuit) {
    this.stats = stats;
    this.circuit = circuit;
  }

  @Override
  public long getCalls() {
    return stats.calls();
  }

  @Override
  public long getAttempts() {
    return stats.attempts();
  }

  @Override
  public long getFailures() {
    return stats.failures();
  }

  @Override
  public long getFastFailures() {
    return stats.fastFailures();
  }

  @Override
  public String getCircuitState() {
    return circuit.state().name();
  }

  @Override
  public int getOpenCircuits() {
    return circuit.state() == CircuitBreaker.State.CLOSED ? 0 : 1;
  }

  @Override
  public long getCircuitOpenings() {
    return circuit.openings();
  }
}
