package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node class's requirements, parsed once from the flat {@code String[]} that {@code AgentHandoff}
 * passes ({@code name, parameter, optional, version} repeated).
 *
 * @param source the array it was parsed from; AgentHandoff caches one array per class, so identity
 *     tells whether the plan is still current
 * @param requests the requirements, in declaration order
 */
record ResolutionPlan(String[] source, List<SecretRequest> requests) {

  static ResolutionPlan parse(String[] flat) {
    if (flat.length % 4 != 0) {
      throw new IllegalArgumentException(
          "Requirements must come in groups of 4 (name, parameter, optional, version); got "
              + flat.length
              + " strings. The application's kailash-secrets api jar does not match the agent.");
    }
    List<SecretRequest> requests = new ArrayList<>(flat.length / 4);
    for (int i = 0; i < flat.length; i += 4) {
      requests.add(
          new SecretRequest(flat[i], flat[i + 1], Boolean.parseBoolean(flat[i + 2]), flat[i + 3]));
    }
    return new ResolutionPlan(flat, List.copyOf(requests));
  }

  /** The per-class holder of the current plan, its policy verdict and its last complete answer. */
  static final class Slot {
    private volatile ResolutionPlan plan;
    private volatile WarmAnswer warm;
    private volatile PolicyVerdict verdict;

    ResolutionPlan planFor(String[] flat) {
      ResolutionPlan current = plan;
      if (current == null || current.source != flat) {
        current = parse(flat);
        warm = null;
        plan = current;
      }
      return current;
    }

    /** The policy's verdict on {@code current}, decided on the first call for it. */
    PolicyVerdict verdict(ResolutionPlan current, Class<?> nodeClass, PolicyGate gate) {
      PolicyVerdict known = verdict;
      if (known == null || known.plan() != current) {
        known = gate.decide(nodeClass, current);
        verdict = known;
      }
      return known;
    }

    /** The last complete answer for the current plan, or {@code null}. */
    WarmAnswer warm() {
      return warm;
    }

    void remember(ResolutionPlan resolvedPlan, Map<String, String> answer) {
      if (resolvedPlan == plan) {
        warm = WarmAnswer.of(resolvedPlan, answer);
      }
    }
  }
}
