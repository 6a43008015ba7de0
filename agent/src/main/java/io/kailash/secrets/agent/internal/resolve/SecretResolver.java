package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The implementation behind the bridge: resolves a node's flat requirements through the configured
 * provider (chain, resilience, cache) and answers in AgentHandoff's format.
 *
 * <p>The warm path is a {@code ClassValue} lookup of the node class's {@link ResolutionPlan} (the
 * requirements already parsed, re-parsed only if the flat array is a different one), then the
 * provider's answer. Absent and broken secrets become failure answers; anything else escapes to the
 * bridge, whose fault handler applies {@code on-internal-error}.
 */
public final class SecretResolver implements BiFunction<Object, String[], Object> {

  private final SecretProvider provider;
  private final ResolutionAudit audit;
  private final TransformStats stats;
  private final ClassValue<ResolutionPlan.Slot> plans =
      new ClassValue<>() {
        @Override
        protected ResolutionPlan.Slot computeValue(Class<?> nodeClass) {
          return new ResolutionPlan.Slot();
        }
      };

  public SecretResolver(SecretProvider provider, ResolutionAudit audit, TransformStats stats) {
    this.provider = provider;
    this.audit = audit;
    this.stats = stats;
  }

  @Override
  public Object apply(Object node, String[] flatRequirements) {
    Class<?> nodeClass = node.getClass();
    ResolutionPlan plan = plans.get(nodeClass).planFor(flatRequirements);
    stats.resolution();
    try (ResolutionAudit.Scope scope = audit.open(nodeClass, plan)) {
      try {
        Map<String, String> values = provider.getSecrets(plan.requests());
        scope.resolved(values);
        return values;
      } catch (SecretNotFoundException e) {
        scope.notFound(e);
        return FailureAnswers.notFound(e);
      } catch (SecretBackendException e) {
        scope.failed();
        return FailureAnswers.backend(e);
      }
    }
  }
}
