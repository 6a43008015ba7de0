package io.kailash.secrets.agent.internal;

import io.kailash.secrets.agent.internal.resolve.SecretResolver;
import io.kailash.secrets.agent.internal.transform.SecretsTransformer;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * What the bridge calls, in JDK types only: resolution ({@link SecretResolver}), run-start
 * read-ahead, and, as a {@code ClassValue} ({@code ""} when accepted), the guard's verdict on node
 * classes ({@link SecretsTransformer#verdict}). A {@code ClassValue} and not a {@code Function}
 * because one class cannot implement both {@code Function} and {@code BiFunction}.
 */
final class BridgeEndpoint extends ClassValue<String>
    implements BiFunction<Object, String[], Object>, Consumer<String[]> {

  private final SecretResolver resolver;
  private final SecretsTransformer transformer;

  BridgeEndpoint(SecretResolver resolver, SecretsTransformer transformer) {
    this.resolver = resolver;
    this.transformer = transformer;
  }

  @Override
  public Object apply(Object node, String[] requirements) {
    return resolver.apply(node, requirements);
  }

  @Override
  public void accept(String[] secretRefs) {
    resolver.accept(secretRefs);
  }

  @Override
  protected String computeValue(Class<?> nodeClass) {
    String refusal = transformer.verdict(nodeClass);
    return refusal == null ? "" : refusal;
  }
}
