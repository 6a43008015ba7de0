package io.kailash.secrets.injection;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequest;
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
 * neither. Everything that crosses between them is a JDK type, in the one keyed form {@link
 * AgentProtocol} defines:
 *
 * <pre>{@code
 * if (AgentHandoff.needsSecrets(this, params)) {
 *   params = AgentHandoff.inject(this, params, SecretsBridge.resolve(this));
 * }
 * }</pre>
 *
 * <p>The agent derives a node's requirements itself, from the class, and answers only for classes
 * it wove; nothing the application hands over decides what is resolved. The exceptions application
 * code catches are its own {@code io.kailash.secrets} classes.
 */
public final class AgentHandoff {

  /**
   * The protocol between the agent and this class. The agent reads it from this class file, with
   * the descriptors of the methods it calls, before it weaves a class loader's classes; on a
   * mismatch that loader's node classes are refused instead of failing with {@code
   * NoSuchMethodError}.
   */
  public static final String PROTOCOL = AgentProtocol.PROTOCOL;

  /** Per node class: why the agent refuses it, or {@link #ACCEPTED}. Asked once per class. */
  private static final ClassValue<String> REFUSALS =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          // An invalid declaration counts as one: needsSecrets reports it when it runs, if it runs.
          String refusal = declared(type).any ? agentVerdict(type) : null;
          return refusal == null ? ACCEPTED : refusal;
        }
      };

  /**
   * Per node class: whether it declares secrets, by annotation or in the agent's configuration.
   * Under the agent the agent answers from the class files it already read ({@link
   * #agentDeclaresSecrets}); otherwise, or when it does not know, the annotations are read here.
   */
  private static final ClassValue<DeclaresSecrets> DECLARED =
      new ClassValue<>() {
        @Override
        protected DeclaresSecrets computeValue(Class<?> type) {
          int known = underAgent() ? agentDeclaresSecrets(type) : -1;
          return DeclaresSecrets.of(type, configuredClasses(), known);
        }
      };

  private static final String ACCEPTED = "";

  private static final InjectionListener LOGGING_LISTENER =
      new InjectionListener() {
        private final OncePerNodeClass warned = new OncePerNodeClass();

        @Override
        public void overriddenParameter(Class<?> nodeClass, String parameter) {
          if (!warned.first(nodeClass, parameter)) {
            return; // once per node class and parameter, not once per call
          }
          Warnings.LOG.warn(
              "Node class {} was given a value for its secret parameter '{}'; the injected secret"
                  + " replaces it. Remove the hard-coded value. (Logged once per node class.)",
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
          AgentProtocol.AGENT,
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
   * Whether the agent found secrets declared on {@code nodeClass} (1, also for invalid
   * declarations, which its answer then reports), none (0), or does not know (-1). Here -1: the
   * agent weaves in a call to its bridge, which answers from the class files it read anyway, so the
   * first call of a node class does not parse its annotations by reflection (issue 16). An agent
   * that predates this method leaves it as is.
   */
  static int agentDeclaresSecrets(Class<?> nodeClass) {
    return -1;
  }

  /**
   * False when the node declares no secrets, or {@code parameters} already carry its class's
   * secrets (an outer {@code run} of the same instance's class called {@code super.run}, or {@code
   * LocalRuntime} injected). A node of another class run with them, e.g. a base-class instance
   * created inside a subclass's {@code run}, resolves its own.
   *
   * @throws SecretBackendException (reason {@code INVALID_REQUEST}) if the class's declarations are
   *     invalid (blank name or parameter, two secrets for one parameter)
   */
  public static boolean needsSecrets(Object node, Map<String, Object> parameters) {
    Class<?> nodeClass = node.getClass();
    DeclaresSecrets declared = declared(nodeClass);
    if (declared.invalid != null) {
      throw new SecretBackendException(
          AgentProtocol.AGENT,
          null,
          SecretBackendException.Reason.INVALID_REQUEST,
          declared.invalid);
    }
    if (!declared.any) {
      return false;
    }
    return !(parameters instanceof InjectedParameters injected
        && injected.isResolvedFor(nodeClass));
  }

  /**
   * The cached answer, computed again if the agent's configured class names changed since (an agent
   * attached after the class was first asked about).
   */
  private static DeclaresSecrets declared(Class<?> nodeClass) {
    DeclaresSecrets known = DECLARED.get(nodeClass);
    if (!known.configuredClasses.equals(configuredClasses())) {
      DECLARED.remove(nodeClass);
      known = DECLARED.get(nodeClass);
    }
    return known;
  }

  /**
   * The binary names of the classes the agent's configuration declares requirements for ({@code
   * requirements.<class>}), comma-separated. Empty here: the agent weaves in its configured names,
   * so that a class it must inject into (or refuse) is known as one that declares secrets. What is
   * resolved the agent still derives itself.
   */
  static String configuredClasses() {
    return "";
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

  /**
   * Called by {@code LocalRuntime} on a node's worker thread: {@code {runId, nodeId}} just before
   * the node runs, {@code null} when it has returned. Empty here: the agent weaves in a call that
   * keeps them for the thread, so its audit records name the run and the node. An api jar without
   * this method only leaves those two audit fields empty.
   */
  public static void nodeStarting(String[] runAndNode) {
    // Without the agent nobody writes audit records from inside Node.run.
  }

  /** The secrets of these requirement lists, each once, in {@link AgentProtocol#refs} form. */
  public static String[] secretRefsOf(Collection<List<SecretRequest>> requirements) {
    Set<SecretRef> refs = new LinkedHashSet<>();
    for (List<SecretRequest> list : requirements) {
      for (SecretRequest request : list) {
        refs.add(request.ref());
      }
    }
    return AgentProtocol.refs(refs);
  }

  /**
   * Applies the agent's answer ({@link AgentProtocol}). Parameters injected for another node class
   * are dropped first: each node instance gets its own class's secrets only.
   *
   * @throws SecretNotFoundException if the agent reports missing required secrets
   * @throws SecretBackendException if the agent reports a backend failure or gave no readable
   *     answer; parameters that cannot be walked (reason {@code INVALID_REQUEST}) fail here when
   *     they are {@code LocalRuntime}'s {@link NodeInputs}, otherwise when the view walks them
   */
  public static Map<String, Object> inject(
      Object node, Map<String, Object> parameters, Object agentAnswer) {
    Map<String, String> secrets = AgentProtocol.read(agentAnswer);
    if (secrets == null) {
      return parameters;
    }
    Map<String, Object> callers =
        parameters instanceof InjectedParameters other ? other.withoutInjected() : parameters;
    if (callers == null) {
      callers = Map.of();
    }
    if (!(callers instanceof NodeInputs)) {
      // Not walked here: the view checks the shape where it recurses (InjectedParameters).
      return ParameterInjector.inject(node.getClass(), callers, secrets, LOGGING_LISTENER);
    }
    try {
      ParameterShape.check(callers); // NodeInputs' author templates are filled now
    } catch (IllegalArgumentException badShape) {
      throw new SecretBackendException(
          AgentProtocol.AGENT,
          null,
          SecretBackendException.Reason.INVALID_REQUEST,
          "The parameters of node class "
              + node.getClass().getName()
              + " cannot take its secrets: "
              + badShape.getMessage()
              + ".");
    }
    return ParameterInjector.inject(node.getClass(), callers, secrets, LOGGING_LISTENER);
  }
}
