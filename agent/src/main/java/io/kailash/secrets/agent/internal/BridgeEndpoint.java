package io.kailash.secrets.agent.internal;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.agent.internal.resolve.RunContext;
import io.kailash.secrets.agent.internal.resolve.SecretResolver;
import io.kailash.secrets.agent.internal.transform.SecretsTransformer;
import io.kailash.secrets.injection.AgentProtocol;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What the bridge calls, in JDK types only: resolution for a node ({@link SecretResolver}),
 * run-start read-ahead, the run and node a thread works for ({@link RunContext}, for audit
 * records), and, as a {@code ClassValue} ({@code ""} when accepted), the guard's verdict on node
 * classes ({@link SecretsTransformer#verdict}).
 *
 * <p>Resolution answers only for instances of classes whose run the agent wove, so the public
 * bridge hands nothing to code that merely calls it with some object.
 */
final class BridgeEndpoint extends ClassValue<String>
    implements Function<Object, Object>,
        Consumer<String[]>,
        BiConsumer<String, String>,
        ToIntFunction<Class<?>> {

  private final SecretResolver resolver;
  private final SecretsTransformer transformer;

  BridgeEndpoint(SecretResolver resolver, SecretsTransformer transformer) {
    this.resolver = resolver;
    this.transformer = transformer;
  }

  @Override
  public Object apply(Object node) {
    Class<?> nodeClass = node.getClass();
    String refusal = get(nodeClass);
    if (!refusal.isEmpty()) {
      return AgentProtocol.backend(
          AgentProtocol.AGENT,
          null,
          SecretBackendException.Reason.MISCONFIGURED,
          "Node class " + nodeClass.getName() + " is refused: " + refusal + ".");
    }
    return resolver.resolve(nodeClass);
  }

  /** Whether a node class declares secrets: 1 yes, 0 no ({@code SecretsBridge.declaresSecrets}). */
  @Override
  public int applyAsInt(Class<?> nodeClass) {
    return resolver.declares(nodeClass);
  }

  @Override
  public void accept(String[] secretRefs) {
    resolver.prefetch(secretRefs);
  }

  /** {@code LocalRuntime}'s run and node id around a node's run ({@code null}: it returned). */
  @Override
  public void accept(String runId, String nodeId) {
    RunContext.set(runId, nodeId);
  }

  @Override
  protected String computeValue(Class<?> nodeClass) {
    String refusal = transformer.verdict(nodeClass);
    return refusal == null ? "" : refusal;
  }
}
