package io.kailash.secrets.injection;

import io.kailash.secrets.NodeSecretRequirements;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application-side half of the agent's advice. Not for application code.
 *
 * <p>The advice woven into {@code Node.run} runs in the node's class loader, so it sees this class
 * (from the application's api jar) but not the agent's isolated classes; the agent's bridge sees
 * neither. Everything that crosses between them is a JDK type:
 *
 * <pre>{@code
 * if (AgentHandoff.needsSecrets(this, params)) {
 *   params = AgentHandoff.inject(this, params, SecretsBridge.resolve(this, AgentHandoff.requirements(this)));
 * }
 * }</pre>
 *
 * <p>Requirements go to the agent as a flat {@code String[]}: {@code name, parameter, optional
 * ("true"/"false"), version}, repeated. The agent answers with one of:
 *
 * <ul>
 *   <li>a {@code Map<String, String>} of parameter to secret value: run with them;
 *   <li>{@code null}: run with the caller's parameters unchanged (agent disabled, or an internal
 *       fault with {@code on-internal-error=proceed});
 *   <li>{@code String[]{"not-found", detail, providersTried (comma separated), name1, version1,
 *       ...}}: throw {@link SecretNotFoundException};
 *   <li>{@code String[]{"backend", provider, secretName or "", reason, message}}: throw {@link
 *       SecretBackendException}.
 * </ul>
 *
 * <p>So the exceptions application code catches are its own {@code io.kailash.secrets} classes.
 */
public final class AgentHandoff {

  private static final ClassValue<String[]> FLAT_REQUIREMENTS =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          List<SecretRequest> requests = NodeSecretRequirements.of(type);
          String[] flat = new String[requests.size() * 4];
          int i = 0;
          for (SecretRequest request : requests) {
            flat[i++] = request.name();
            flat[i++] = request.parameter();
            flat[i++] = Boolean.toString(request.optional());
            flat[i++] = request.version();
          }
          return flat;
        }
      };

  /** Warns, by name only, about hard-coded secrets and placeholders that name no secret. */
  private static final InjectionListener LOGGING_LISTENER =
      new InjectionListener() {
        @Override
        public void overriddenParameter(Class<?> nodeClass, String parameter) {
          Warnings.LOG.warn(
              "Node class {} was given a value for its secret parameter '{}'; the injected secret"
                  + " replaces it. Remove the hard-coded value.",
              nodeClass.getName(),
              parameter);
        }

        @Override
        public void undeclaredPlaceholder(Class<?> nodeClass, String name) {
          Warnings.LOG.warn(
              "Placeholder '{{}}' in a parameter of {} names no declared secret; left as is.",
              name,
              nodeClass.getName());
        }
      };

  /**
   * The logger, in a holder: the application's SLF4J initialises on the first {@code getLogger}
   * (dozens of classes), which the first node call under the agent should not pay for a warning
   * that is rarely logged.
   */
  private static final class Warnings {
    static final Logger LOG = LoggerFactory.getLogger(AgentHandoff.class);
  }

  private AgentHandoff() {}

  /**
   * The cached flat requirements. A class whose declarations contradict each other (two secrets for
   * one parameter) is reported as an invalid request, the one failure type besides "not found" that
   * reaches application code from the agent.
   */
  private static String[] flatRequirements(Class<?> nodeClass) {
    try {
      return FLAT_REQUIREMENTS.get(nodeClass);
    } catch (IllegalStateException contradictory) {
      throw new SecretBackendException(
          "kailash-secrets-agent",
          null,
          SecretBackendException.Reason.INVALID_REQUEST,
          contradictory.getMessage());
    }
  }

  /** False when the node declares no secrets, or {@code parameters} already carry them. */
  public static boolean needsSecrets(Object node, Map<String, Object> parameters) {
    Class<?> nodeClass = node.getClass();
    if (flatRequirements(nodeClass).length == 0) {
      return false;
    }
    return !(parameters instanceof InjectedParameters injected
        && injected.isResolvedFor(nodeClass));
  }

  /** The node's requirements, flattened as described in the class comment. Do not modify. */
  public static String[] requirements(Object node) {
    return flatRequirements(node.getClass());
  }

  /**
   * Called by {@code LocalRuntime} when a run without a provider starts, with every secret its
   * nodes declare ({@link #secretRefsOf}). Empty here: the agent weaves in a call that loads them
   * into its cache at once, so a workflow's secrets cost one batch read instead of one read per
   * node.
   */
  public static void beforeRun(String[] secretRefs) {
    // Without the agent there is nothing to load ahead.
  }

  /** The secrets of these requirement lists as {@code name, version} pairs, each secret once. */
  public static String[] secretRefsOf(Collection<List<SecretRequest>> requirements) {
    Set<SecretRef> refs = new LinkedHashSet<>();
    for (List<SecretRequest> list : requirements) {
      for (SecretRequest request : list) {
        refs.add(request.ref());
      }
    }
    String[] flat = new String[refs.size() * 2];
    int i = 0;
    for (SecretRef ref : refs) {
      flat[i++] = ref.name();
      flat[i++] = ref.version();
    }
    return flat;
  }

  /**
   * Applies the agent's answer.
   *
   * @throws SecretNotFoundException if the agent reports missing required secrets
   * @throws SecretBackendException if the agent reports a backend failure
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> inject(
      Object node, Map<String, Object> parameters, Object agentAnswer) {
    if (agentAnswer == null) {
      return parameters;
    }
    if (agentAnswer instanceof Map<?, ?> secrets) {
      return ParameterInjector.inject(
          node.getClass(),
          parameters == null ? Map.of() : parameters,
          (Map<String, String>) secrets,
          LOGGING_LISTENER);
    }
    if (agentAnswer instanceof String[] answer && answer.length >= 5) {
      throw failure(answer);
    }
    throw new SecretBackendException(
        "kailash-secrets-agent",
        null,
        SecretBackendException.Reason.INTERNAL,
        "the agent gave an answer this api version cannot read ("
            + agentAnswer.getClass().getName()
            + "); use an agent and api jar of the same version.");
  }

  private static RuntimeException failure(String[] answer) {
    if ("not-found".equals(answer[0])) {
      List<SecretRef> missing = new ArrayList<>();
      for (int i = 3; i + 1 < answer.length; i += 2) {
        missing.add(new SecretRef(answer[i], answer[i + 1]));
      }
      List<String> providers =
          answer[2].isEmpty() ? List.of() : Arrays.asList(answer[2].split(","));
      return new SecretNotFoundException(missing, providers, answer[1]);
    }
    return new SecretBackendException(
        answer[1], answer[2].isEmpty() ? null : answer[2], reason(answer[3]), answer[4]);
  }

  private static SecretBackendException.Reason reason(String name) {
    try {
      return SecretBackendException.Reason.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return SecretBackendException.Reason.INTERNAL; // an agent newer than this api
    }
  }
}
