package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretProviderException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.agent.internal.logging.AgentLog;
import io.kailash.secrets.agent.internal.transform.DeclaredSecret;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.secrets.internal.ConfiguredRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The implementation behind the bridge: resolves a node class's requirements, as the agent itself
 * derived them from the class ({@link DeclaredRequirements}), through the configured provider
 * (chain, resilience, cache) and answers in {@link AgentProtocol}'s form.
 *
 * <p>The warm path is a {@code ClassValue} lookup of the node class's {@link ResolutionPlan.Slot},
 * then, with audit off, the {@link WarmAnswer}: one provider read per secret and the last answer
 * handed out again if nothing changed. With audit on every call takes the full path, so that each
 * resolution writes its records. Absent and broken secrets and invalid declarations become failure
 * answers; anything else escapes to the bridge, whose fault handler applies {@code
 * on-internal-error}.
 *
 * <p>With a secret policy, the {@link PolicyGate}'s verdict on the plan is decided once per class,
 * before any provider call; a refused class gets a {@code POLICY_DENIED} failure answer. Without a
 * policy the check is one final-field test.
 */
public final class SecretResolver {

  private static final AgentLog LOG = AgentLog.of(SecretResolver.class);

  /** No class file was read: every class's annotations are read by reflection (tests). */
  private static final Function<Class<?>, List<DeclaredSecret>> NOT_READ = new NotRead();

  private static final class NotRead implements Function<Class<?>, List<DeclaredSecret>> {
    @Override
    public List<DeclaredSecret> apply(Class<?> type) {
      return null;
    }
  }

  private final SecretProvider provider;
  private final boolean cached;
  private final ResolutionAudit audit;
  private final TransformStats stats;
  private final PolicyGate policy;
  private final DeclaredRequirements declared;
  private final ClassValue<Object> plans =
      new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> nodeClass) {
          try {
            return new ResolutionPlan.Slot(new ResolutionPlan(declared.of(nodeClass)));
          } catch (IllegalStateException invalid) {
            return AgentProtocol.backend(
                AgentProtocol.AGENT,
                null,
                SecretBackendException.Reason.INVALID_REQUEST,
                invalid.getMessage());
          }
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
    this(provider, audit, stats, cached, policy, NOT_READ, ConfiguredRequirements.none());
  }

  /**
   * @param classFiles each class's own {@code @SecretRequirement}s as the transformer read them
   * @param configured the requirements configuration declares for classes by name
   */
  public SecretResolver(
      SecretProvider provider,
      ResolutionAudit audit,
      TransformStats stats,
      boolean cached,
      PolicyGate policy,
      Function<Class<?>, List<DeclaredSecret>> classFiles,
      ConfiguredRequirements configured) {
    this.declared = new DeclaredRequirements(classFiles, configured);
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
  public void prefetch(String[] secretRefs) {
    if (!cached) {
      return;
    }
    List<SecretRef> refs = AgentProtocol.refs(secretRefs);
    if (policy.isEnforced()) {
      refs = new ArrayList<>(refs);
      refs.removeIf(ref -> !policy.mayLoadAhead(ref.name()));
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

  /**
   * For the application side's {@code AgentHandoff}: 1 when {@code nodeClass} declares secrets (or
   * declares them invalidly, which its resolution then reports), 0 when it declares none. From the
   * plan, so the application never parses the annotations by reflection.
   */
  public int declares(Class<?> nodeClass) {
    return plans.get(nodeClass) instanceof ResolutionPlan.Slot slot
            && slot.plan().requests().isEmpty()
        ? 0
        : 1;
  }

  /** The answer for a node of {@code nodeClass}, in {@link AgentProtocol}'s form. */
  public Map<String, Object> resolve(Class<?> nodeClass) {
    Object planOrFailure = plans.get(nodeClass);
    stats.resolution();
    if (!(planOrFailure instanceof ResolutionPlan.Slot slot)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> invalid = (Map<String, Object>) planOrFailure;
      return invalid;
    }
    ResolutionPlan plan = slot.plan();
    if (policy.isEnforced()) {
      PolicyVerdict verdict = slot.verdict(nodeClass, policy, declared);
      if (!verdict.allowed()) {
        audit.denied(nodeClass, verdict.refused());
        return verdict.answer();
      }
    }
    WarmAnswer warm = audit.isOn() ? null : slot.warm();
    if (warm != null) {
      Map<String, Object> unchanged = warm.reuse(plan, provider);
      if (unchanged != null) {
        return unchanged;
      }
    }
    try (ResolutionAudit.Scope scope = audit.open(nodeClass, plan, provider.name())) {
      try {
        Map<String, String> values = provider.getSecrets(plan.requests());
        scope.resolved(values);
        Map<String, Object> answer = AgentProtocol.secrets(values);
        slot.remember(values, answer); // the same answer, not a second copy (issue 16)
        return answer;
      } catch (SecretNotFoundException e) {
        scope.notFound(e);
        return AgentProtocol.notFound(e);
      } catch (SecretBackendException e) {
        scope.failed();
        return AgentProtocol.backend(e);
      }
    }
  }
}
