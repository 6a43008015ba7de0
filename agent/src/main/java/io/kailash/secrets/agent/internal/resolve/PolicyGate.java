package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.agent.internal.logging.AgentLog;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.secrets.policy.SecretPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Applies the secret policy ({@code policy.file}, {@code policy.default}) in the resolver, before
 * any backend call: decides a node class's plan once, and tells the run-start read-ahead which
 * secrets it may load without knowing which class will ask.
 */
public final class PolicyGate {

  private static final AgentLog LOG = AgentLog.of(PolicyGate.class);

  private final SecretPolicy policy;
  private final boolean enforced;

  /** Secrets some node class was allowed: loading them ahead serves a class that may have them. */
  private final Set<String> granted = ConcurrentHashMap.newKeySet();

  public PolicyGate(SecretPolicy policy) {
    this.policy = policy;
    this.enforced = policy.isEnforced();
  }

  /** A gate that allows everything and costs the resolver nothing. */
  public static PolicyGate none() {
    return new PolicyGate(SecretPolicy.none());
  }

  public boolean isEnforced() {
    return enforced;
  }

  /** For the start-up line: the policy file and its default, or that none is enforced. */
  @Override
  public String toString() {
    return policy.toString();
  }

  /**
   * Decides every requirement of {@code plan} for {@code nodeClass}; logs a refusal once.
   *
   * @param declares whether a class itself declares a secret ({@link
   *     DeclaredRequirements#declares}), for the policy's inheritance rule
   */
  PolicyVerdict decide(
      Class<?> nodeClass, ResolutionPlan plan, BiPredicate<Class<?>, String> declares) {
    List<SecretRequest> refused = new ArrayList<>();
    for (SecretRequest request : plan.requests()) {
      if (!policy.permits(nodeClass, request.name(), declares)) {
        refused.add(request);
      }
    }
    if (refused.isEmpty()) {
      plan.requests().forEach(request -> granted.add(request.name()));
      return new PolicyVerdict(plan, List.of(), null);
    }
    Map<String, Object> answer =
        AgentProtocol.backend(policy.denial(nodeClass, refused.get(0).name()));
    LOG.warn(
        "Secret policy {} refuses node class {} the secret(s) {}; the node fails before any"
            + " backend is asked.",
        policy.file().orElse(null),
        nodeClass.getName(),
        refused.stream().map(SecretRequest::name).toList());
    return new PolicyVerdict(plan, List.copyOf(refused), answer);
  }

  /**
   * Whether a starting run may load {@code declaredName} ahead, before any node asks: only secrets
   * the policy opens to every class, or that a class was already allowed. So a secret only a
   * refused class declares is never read from a backend.
   */
  boolean mayLoadAhead(String declaredName) {
    return policy.isOpen(declaredName) || granted.contains(declaredName);
  }
}
