package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretProviderException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.agent.internal.logging.AgentLog;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The implementation behind the bridge: resolves a node's flat requirements through the configured
 * provider (chain, resilience, cache) and answers in AgentHandoff's format.
 *
 * <p>The warm path is a {@code ClassValue} lookup of the node class's {@link ResolutionPlan} (the
 * requirements already parsed, re-parsed only if the flat array is a different one), then, with
 * audit off, the {@link WarmAnswer}: one provider read per secret and the last answer handed out
 * again if nothing changed. With audit on every call takes the full path, so that each resolution
 * writes its records. Absent and broken secrets become failure answers; anything else escapes to
 * the bridge, whose fault handler applies {@code on-internal-error}.
 *
 * <p>With a secret policy, the {@link PolicyGate}'s verdict on the plan is decided once per class
 * and plan, before any provider call; a refused class gets a {@code POLICY_DENIED} failure answer.
 * Without a policy the check is one final-field test.
 */
public final class SecretResolver
    implements BiFunction<Object, String[], Object>, Consumer<String[]> {

  private static final AgentLog LOG = AgentLog.of(SecretResolver.class);

  private final SecretProvider provider;
  private final boolean cached;
  private final ResolutionAudit audit;
  private final TransformStats stats;
  private final PolicyGate policy;
  private final ClassValue<ResolutionPlan.Slot> plans =
      new ClassValue<>() {
        @Override
        protected ResolutionPlan.Slot computeValue(Class<?> nodeClass) {
          return new ResolutionPlan.Slot();
        }
      };

  /** A resolver that does not load runs ahead (its provider has no cache to keep them in). */
  public SecretResolver(SecretProvider provider, ResolutionAudit audit, TransformStats stats) {
    this(provider, audit, stats, false);
  }

  /**
   * @param cached whether {@code provider} is a cache: only then are a starting run's secrets
   *     loaded ahead. A flag, not an {@code instanceof}: that would load the cache's classes into
   *     an agent that has no cache, costing start-up.
   */
  public SecretResolver(
      SecretProvider provider, ResolutionAudit audit, TransformStats stats, boolean cached) {
    this(provider, audit, stats, cached, PolicyGate.none());
  }

  /**
   * @param policy decides which node classes may receive which secrets, before any provider call
   */
  public SecretResolver(
      SecretProvider provider,
      ResolutionAudit audit,
      TransformStats stats,
      boolean cached,
      PolicyGate policy) {
    this.provider = provider;
    this.audit = audit;
    this.stats = stats;
    this.cached = cached;
    this.policy = policy;
  }

  /**
   * Loads a starting run's secrets ({@code name, version} pairs) into the cache with one batch
   * read. Without a cache there is nowhere to keep them, so nothing is read ahead. Failures are
   * left for the node that needs the secret to report. Under a secret policy only the secrets the
   * {@link PolicyGate} lets through are read ahead: the call does not say which class will ask.
   */
  @Override
  public void accept(String[] secretRefs) {
    if (!cached) {
      return;
    }
    List<SecretRef> refs = new ArrayList<>(secretRefs.length / 2);
    boolean enforced = policy.isEnforced();
    for (int i = 0; i + 1 < secretRefs.length; i += 2) {
      if (!enforced || policy.mayLoadAhead(secretRefs[i])) {
        refs.add(new SecretRef(secretRefs[i], secretRefs[i + 1]));
      }
    }
    if (refs.isEmpty()) {
      return;
    }
    try {
      provider.getSecretValues(refs);
    } catch (SecretProviderException reportedLater) {
      LOG.debug("Loading a run's secrets ahead failed; each node will report it.", reportedLater);
    }
  }

  @Override
  public Object apply(Object node, String[] flatRequirements) {
    Class<?> nodeClass = node.getClass();
    ResolutionPlan.Slot slot = plans.get(nodeClass);
    ResolutionPlan plan = slot.planFor(flatRequirements);
    stats.resolution();
    if (policy.isEnforced()) {
      PolicyVerdict verdict = slot.verdict(plan, nodeClass, policy);
      if (!verdict.allowed()) {
        audit.denied(nodeClass, verdict.refused());
        return verdict.answer();
      }
    }
    WarmAnswer warm = audit.isOn() ? null : slot.warm();
    if (warm != null) {
      Map<String, String> unchanged = warm.reuse(plan, provider);
      if (unchanged != null) {
        return unchanged;
      }
    }
    try (ResolutionAudit.Scope scope = audit.open(nodeClass, plan)) {
      try {
        Map<String, String> values = provider.getSecrets(plan.requests());
        scope.resolved(values);
        slot.remember(plan, values);
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
