package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretRequest;
import java.util.List;
import java.util.Map;

/**
 * A node class's requirements as the agent derived them ({@link DeclaredRequirements}), once per
 * class.
 *
 * @param requests the requirements, in declaration order
 */
record ResolutionPlan(List<SecretRequest> requests) {

  /** The per-class holder of the plan, its policy verdict and its last complete answer. */
  static final class Slot {
    private final ResolutionPlan plan;
    private volatile WarmAnswer warm;
    private volatile PolicyVerdict verdict;

    Slot(ResolutionPlan plan) {
      this.plan = plan;
    }

    /** The policy's verdict on the plan, decided on the first call. */
    PolicyVerdict verdict(Class<?> nodeClass, PolicyGate gate, DeclaredRequirements declared) {
      PolicyVerdict known = verdict;
      if (known == null) {
        known = gate.decide(nodeClass, plan, declared::declares);
        verdict = known;
      }
      return known;
    }

    ResolutionPlan plan() {
      return plan;
    }

    /** The last complete answer for the plan, or {@code null}. */
    WarmAnswer warm() {
      return warm;
    }

    void remember(Map<String, String> values, Map<String, Object> answer) {
      warm = WarmAnswer.of(plan, values, answer);
    }
  }
}
