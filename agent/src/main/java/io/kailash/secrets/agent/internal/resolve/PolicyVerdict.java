package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretRequest;
import java.util.List;
import java.util.Map;

/**
 * The secret policy's verdict on one node class's plan, decided once and kept with the plan.
 *
 * @param plan the plan it was decided for
 * @param refused the requirements the policy refuses to the class; empty if all are allowed
 * @param answer the failure answer for the first refused requirement, or {@code null}
 */
record PolicyVerdict(ResolutionPlan plan, List<SecretRequest> refused, Map<String, Object> answer) {

  boolean allowed() {
    return refused.isEmpty();
  }
}
