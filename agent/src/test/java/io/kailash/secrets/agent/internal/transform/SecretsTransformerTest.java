package io.kailash.secrets.agent.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.agenttest.SampleNodes;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.agent.bridge.SecretsBridge;
import io.kailash.secrets.agent.bridge.TestBridge;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.secrets.internal.NodeSecretRequirements;
import io.kailash.workflow.Node;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the transformer as the JVM would: every sample class is defined, from the transformer's
 * output, by a child-first loader, so the JVM verifies the woven code and the tests run it.
 */
class SecretsTransformerTest {

  private static final String VALUE = "value-from-the-test-bridge";

  private final TransformStats stats = new TransformStats();
  private final SecretsTransformer transformer =
      new SecretsTransformer("io.kailash.workflow.Node", "run", SecretsBridge.class, stats);
  private final AtomicInteger resolutions = new AtomicInteger();

  @BeforeEach
  void installTestBridge() {
    TestBridge.use(
        node -> {
          resolutions.incrementAndGet();
          Map<String, String> secrets = new HashMap<>();
          for (SecretRequest request : NodeSecretRequirements.of(node.getClass())) {
            secrets.put(request.parameter(), VALUE);
          }
          return AgentProtocol.secrets(secrets);
        },
        fault -> null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void wovenRunGetsSecretsAndFilledPlaceholders() throws Exception {
    Node node = newNode(SampleNodes.TokenNode.class);
    Map<String, Object> caller =
        new HashMap<>(
            Map.of(
                "header",
                io.kailash.secrets.SecretTemplate.of("Bearer {api_token}"),
                "text",
                "from a user: {api_token}"));

    Map<String, Object> out = node.run(caller);

    assertThat(out).containsEntry("token", VALUE).containsEntry("header", "Bearer " + VALUE);
    assertThat(caller).containsOnlyKeys("header", "text");
    assertThat(resolutions).hasValue(1);
    assertThat(stats.transformed()).isEqualTo(1);
    assertThat(stats.errors()).isZero();
  }

  @Test
  void superRunResolvesOnce() throws Exception {
    Node node = newNode(SampleNodes.ChildNode.class);

    Map<String, Object> out = node.run(new HashMap<>());

    assertThat(out).containsEntry("token", VALUE).containsEntry("child-token", VALUE);
    assertThat(resolutions).hasValue(1);
    assertThat(stats.transformed()).isEqualTo(2); // ChildNode and TokenNode
  }

  @Test
  void methodStartingWithABranchTargetStaysValid() throws Exception {
    Map<String, Object> out = newNode(SampleNodes.LoopNode.class).run(new HashMap<>());

    assertThat(out).containsEntry("token", VALUE).containsEntry("loops", 3);
  }

  @Test
  void classesOutsideTheFamilyOrWithoutTheMethodAreLeftAlone() throws Exception {
    TransformingLoader loader = new TransformingLoader(transformer);

    assertThat(transform(loader, SampleNodes.NotANode.class)).isNull();
    assertThat(transform(loader, SampleNodes.Intermediate.class)).isNull();
    assertThat(transform(loader, Node.class)).isNull(); // abstract run
    assertThat(transformer.transform(null, "x/Y", null, null, new byte[0])).isNull();
    assertThat(stats.transformed()).isZero();
    assertThat(stats.errors()).isZero();
  }

  @Test
  void weavingIsRepeatableFromTheOriginalBytes() throws Exception {
    TransformingLoader loader = new TransformingLoader(transformer);

    byte[] first = transform(loader, SampleNodes.TokenNode.class);
    byte[] second = transform(loader, SampleNodes.TokenNode.class);

    assertThat(first).isNotNull().isEqualTo(second);
  }

  @Test
  void aLoaderThatCannotSeeTheBridgeIsSkipped() throws Exception {
    ClassLoader isolated = new ClassLoader(ClassLoader.getPlatformClassLoader()) {};
    byte[] bytes = ClassBytes.of(SampleNodes.TokenNode.class);

    // Its supertypes cannot be read there either, so it is not even recognised as a node.
    assertThat(
            transformer.transform(
                isolated, ClassBytes.internalName(SampleNodes.TokenNode.class), null, null, bytes))
        .isNull();
    assertThat(stats.errors()).isZero();
  }

  private byte[] transform(TransformingLoader loader, Class<?> type) {
    return transformer.transform(
        loader, ClassBytes.internalName(type), null, null, ClassBytes.of(type));
  }

  private Node newNode(Class<? extends Node> type) throws Exception {
    Class<?> woven = new TransformingLoader(transformer).loadClass(type.getName());
    assertThat(woven.getClassLoader()).isInstanceOf(TransformingLoader.class);
    return (Node) woven.getDeclaredConstructor().newInstance();
  }
}
