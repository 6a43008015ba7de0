package io.kailash.runtime;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.secrets.audit.SecretAccessRecord.Outcome;
import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.secrets.injection.NodeInputs;
import io.kailash.secrets.injection.OncePerNodeClass;
import io.kailash.secrets.injection.ParameterInjector;
import io.kailash.secrets.injection.ParameterShape;
import io.kailash.secrets.policy.SecretPolicy;
import io.kailash.workflow.Connection;
import io.kailash.workflow.Node;
import io.kailash.workflow.NodeSpec;
import io.kailash.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One execution of a workflow: creates its nodes, prefetches their secrets, runs them in order. */
final class WorkflowRun {

  private static final Logger LOG = LoggerFactory.getLogger(WorkflowRun.class);

  /** A hard-coded secret parameter is reported once per node class, not once per run or call. */
  private static final OncePerNodeClass OVERRIDE_WARNED = new OncePerNodeClass();

  private final Workflow workflow;
  private final Map<String, Map<String, Object>> runParameters;
  private final RuntimeSettings settings;
  private final String runId = UUID.randomUUID().toString();
  private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();
  private String current = "(none)"; // the node being worked on, named when something escapes

  /** Every secret injected in this run, by the runtime or the agent: masked in all it passes on. */
  private final Set<String> injectedInRun = ConcurrentHashMap.newKeySet();

  WorkflowRun(
      Workflow workflow, Map<String, Map<String, Object>> runParameters, RuntimeSettings settings) {
    this.workflow = workflow;
    this.runParameters = runParameters;
    this.settings = settings;
  }

  /**
   * Runs the workflow. Every failure is a {@link WorkflowExecutionException} naming this run and
   * the node: also an unexpected exception from a custom provider or from walking a node's
   * parameters, which would otherwise escape raw.
   */
  ExecutionResult execute() {
    try {
      return executeNodes();
    } catch (WorkflowExecutionException reported) {
      throw reported;
    } catch (RuntimeException | StackOverflowError unexpected) {
      throw fail(
          current, "failed unexpectedly (" + unexpected.getClass().getName() + ")", unexpected);
    }
  }

  private ExecutionResult executeNodes() {
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<NodeRequirements> requirements = new ArrayList<>();
    for (NodeSpec spec : workflow.executionOrder()) {
      current = spec.id();
      Node node = create(spec);
      nodes.put(spec.id(), node);
      requirements.add(requirementsOf(spec.id(), node.getClass()));
    }
    current = firstNeedingSecrets(requirements);
    enforcePolicy(requirements);
    PrefetchedSecrets secrets = prefetch(requirements);
    for (NodeRequirements node : requirements) {
      current = node.nodeId();
      Map<String, String> injected = secretsFor(node, secrets);
      Map<String, Object> inputs = inputsOf(node, injected);
      try {
        Map<String, Object> outputs =
            NodeInvoker.invoke(
                runId,
                node.nodeId(),
                nodes.get(node.nodeId()),
                inputs,
                settings.maxExecutionTime());
        SecretOutputGuard guard = new SecretOutputGuard(injectedInRun);
        results.put(
            node.nodeId(), guard.scrub(node.nodeId(), outputs == null ? Map.of() : outputs));
      } catch (NodeInvoker.Failure failure) {
        SecretOutputGuard guard = new SecretOutputGuard(injectedInRun);
        throw fail(
            node.nodeId(), guard.mask(failure.getMessage()), guard.maskChain(failure.getCause()));
      }
    }
    return new ExecutionResult(runId, results);
  }

  private static String firstNeedingSecrets(List<NodeRequirements> requirements) {
    for (NodeRequirements node : requirements) {
      if (!node.isEmpty()) {
        return node.nodeId();
      }
    }
    return requirements.isEmpty() ? "(none)" : requirements.get(0).nodeId();
  }

  private Node create(NodeSpec spec) {
    try {
      return spec.newNode();
    } catch (RuntimeException broken) {
      throw fail(spec.id(), "could not create node of type '" + spec.type() + "'", broken);
    }
  }

  private NodeRequirements requirementsOf(String nodeId, Class<?> nodeClass) {
    try {
      return new NodeRequirements(nodeId, nodeClass, settings.requirements().of(nodeClass));
    } catch (IllegalStateException badDeclaration) {
      throw fail(nodeId, badDeclaration.getMessage(), badDeclaration);
    }
  }

  /**
   * Refuses the run before any node runs and before any backend call if the secret policy denies a
   * node class one of its secrets; every denied pair gets an audit record first.
   */
  private void enforcePolicy(List<NodeRequirements> requirements) {
    SecretPolicy policy = settings.policy();
    if (!policy.isEnforced()) {
      return;
    }
    RunAudit audit = new RunAudit(settings.auditSink(), runId, settings.clock());
    WorkflowExecutionException first = null;
    for (NodeRequirements node : requirements) {
      for (SecretRequest request : node.requests()) {
        if (!policy.permits(node.nodeClass(), request.name(), settings.requirements()::declares)) {
          audit.record(
              node, request, SecretPolicy.PROVIDER, Outcome.DENIED_BY_POLICY, CacheStatus.NONE);
          if (first == null) {
            SecretBackendException denied = policy.denial(node.nodeClass(), request.name());
            first = fail(node.nodeId(), "node not run: " + denied.getMessage(), denied);
          }
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** One fetch for the whole run; a backend failure fails the run before any node runs. */
  private PrefetchedSecrets prefetch(List<NodeRequirements> requirements) {
    if (requirements.stream().allMatch(NodeRequirements::isEmpty)) {
      return null;
    }
    if (settings.provider() == null) {
      // The agent, if attached, injects at each node; this lets it load the run's secrets at once.
      AgentHandoff.beforeRun(
          AgentHandoff.secretRefsOf(
              requirements.stream().map(NodeRequirements::requests).toList()));
      return null;
    }
    RunAudit audit = new RunAudit(settings.auditSink(), runId, settings.clock());
    try {
      return PrefetchedSecrets.fetch(settings.provider(), requirements, audit);
    } catch (SecretBackendException failure) {
      List<NodeRequirements> affected = PrefetchedSecrets.affectedBy(failure, requirements);
      throw fail(
          affected.get(0).nodeId(),
          "the secret provider failed before any node ran (nodes needing secrets: "
              + affected.stream().map(NodeRequirements::nodeId).toList()
              + "): "
              + failure.getMessage(),
          failure);
    }
  }

  private Map<String, String> secretsFor(NodeRequirements node, PrefetchedSecrets secrets) {
    if (secrets == null || node.isEmpty()) {
      if (!node.isEmpty()) {
        LOG.debug(
            "Node '{}' declares secrets but the runtime has no provider; the agent may inject them",
            node.nodeId());
      }
      return Map.of();
    }
    try {
      return secrets.forNode(node);
    } catch (SecretNotFoundException missing) {
      throw fail(node.nodeId(), "node not run: " + missing.getMessage(), missing);
    }
  }

  /**
   * Node parameters, overridden by run parameters, overridden by connected outputs; then secrets.
   * Only the node parameters that nothing overrode are the author's templates, in which
   * placeholders are filled.
   */
  private Map<String, Object> inputsOf(NodeRequirements node, Map<String, String> secrets) {
    String id = node.nodeId();
    Map<String, Object> inputs = new LinkedHashMap<>(workflow.node(id).parameters());
    Set<String> templates = new LinkedHashSet<>(inputs.keySet());
    Map<String, Object> overrides = runParameters.getOrDefault(id, Map.of());
    inputs.putAll(overrides);
    templates.removeAll(overrides.keySet());
    for (Connection connection : workflow.incoming(id)) {
      Map<String, Object> upstream = results.get(connection.fromNode());
      if (!upstream.containsKey(connection.fromOutput())) {
        throw fail(
            id,
            "input '"
                + connection.toInput()
                + "' is connected to output '"
                + connection.fromOutput()
                + "' of node '"
                + connection.fromNode()
                + "', which returned only "
                + upstream.keySet(),
            null);
      }
      inputs.put(connection.toInput(), upstream.get(connection.fromOutput()));
      templates.remove(connection.toInput());
    }
    NodeInputs nodeInputs = new NodeInputs(inputs, templates, injectedInRun::add);
    if (node.isEmpty() || settings.provider() == null) {
      return nodeInputs; // the agent, if attached, injects into these
    }
    try {
      ParameterShape.check(inputs);
    } catch (IllegalArgumentException badShape) {
      throw fail(id, "its parameters cannot take its secrets: " + badShape.getMessage(), null);
    }
    return inject(node, nodeInputs, secrets);
  }

  private Map<String, Object> inject(
      NodeRequirements node, Map<String, Object> inputs, Map<String, String> secrets) {
    Set<String> undeclared = new LinkedHashSet<>();
    Map<String, Object> injected =
        ParameterInjector.inject(
            node.nodeClass(),
            inputs,
            secrets,
            parameter -> {
              if (OVERRIDE_WARNED.first(node.nodeClass(), parameter)) {
                LOG.warn(
                    "Node '{}' ({}) was given a value for its secret parameter '{}'; the injected"
                        + " secret replaces it. Remove the hard-coded value from the workflow."
                        + " (Logged once per node class.)",
                    node.nodeId(),
                    node.nodeClass().getName(),
                    parameter);
              }
            },
            undeclared::add);
    if (!undeclared.isEmpty()) {
      LOG.warn(
          "Node '{}' ({}): placeholders {} name no declared secret parameter and were left as is;"
              + " its secret parameters are {}.",
          node.nodeId(),
          node.nodeClass().getName(),
          undeclared,
          node.requests().stream().map(SecretRequest::parameter).toList());
    }
    return injected;
  }

  private WorkflowExecutionException fail(String nodeId, String detail, Throwable cause) {
    return new WorkflowExecutionException(runId, nodeId, detail, cause);
  }
}
