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

  /**
   * The version of the protocol between the agent and this class. The agent reads it from this
   * class file, with the descriptors of the methods it calls, before it weaves a class loader's
   * classes; on a mismatch that loader's node classes are refused instead of failing with {@code
   * NoSuchMethodError}. Change it whenever a method the agent calls or weaves changes.
   */
  public static final String PROTOCOL = "kailash-secrets-protocol-2";

  private static final Logger LOG = LoggerFactory.getLogger(AgentHandoff.class);

  /** Per node class: why the agent refuses it, or {@link #ACCEPTED}. Asked once per class. */
  private static final ClassValue<String> REFUSALS =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          boolean declaresSecrets;
          try {
            declaresSecrets = FLAT_REQUIREMENTS.get(type).length > 0;
          } catch (IllegalStateException contradictory) {
            declaresSecrets = true; // reported by needsSecrets when it runs, if it runs
          }
          String refusal = declaresSecrets ? agentVerdict(type) : null;
          return refusal == null ? ACCEPTED : refusal;
        }
      };

  private static final String ACCEPTED = "";

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
          LOG.warn(
              "Node class {} was given a value for its secret parameter '{}'; the injected secret"
                  + " replaces it. Remove the hard-coded value.",
              nodeClass.getName(),
              parameter);
        }

        @Override
        public void undeclaredPlaceholder(Class<?> nodeClass, String name) {
          LOG.warn(
              "Placeholder '{{}}' in a parameter of {} names no declared secret; left as is.",
              name,
              nodeClass.getName());
        }
      };

  private AgentHandoff() {}

  /**
   * Called by {@code Node}'s constructor. Under the agent, refuses a class that declares or
   * inherits secrets but whose {@code run} the agent did not instrument: it would run without them.
   * Without the agent, and for every class the agent instrumented, it does nothing; the answer is
   * looked up once per class.
   *
   * @throws SecretBackendException (reason {@code MISCONFIGURED}) naming the class and the reason
   */
  public static void nodeCreated(Object node) {
    if (!underAgent()) {
      return;
    }
    Class<?> nodeClass = node.getClass();
    String refusal = REFUSALS.get(nodeClass);
    if (!refusal.isEmpty()) {
      throw new SecretBackendException(
          "kailash-secrets-agent",
          null,
          SecretBackendException.Reason.MISCONFIGURED,
          "Node class "
              + nodeClass.getName()
              + " declares secrets but is refused: "
              + refusal
              + ". See docs/security.md, \"Deployment shapes tested\".");
    }
  }

  /** False here; the agent weaves {@code return true} in when it has started. */
  static boolean underAgent() {
    return false;
  }

  /**
   * Why the agent did not instrument {@code nodeClass}'s {@code run}, or {@code null} if it did.
   * Here {@code null}: the agent weaves in a call to its bridge, or a fixed refusal when this class
   * loader cannot reach the agent (see docs/security.md).
   */
  static String agentVerdict(Class<?> nodeClass) {
    return null;
  }

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
      try {
        ParameterShape.check(parameters);
      } catch (IllegalArgumentException badShape) {
        throw new SecretBackendException(
            "kailash-secrets-agent",
            null,
            SecretBackendException.Reason.INVALID_REQUEST,
            "The parameters of node class "
                + node.getClass().getName()
                + " cannot take its secrets: "
                + badShape.getMessage()
                + ".");
      }
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
