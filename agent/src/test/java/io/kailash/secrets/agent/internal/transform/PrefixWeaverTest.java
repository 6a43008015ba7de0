package io.kailash.secrets.agent.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.agenttest.SampleNodes;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.agent.bridge.SecretsBridge;
import io.kailash.secrets.agent.bridge.TestBridge;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.secrets.internal.NodeSecretRequirements;
import io.kailash.workflow.Node;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The prefix weaver (issue 16: weaving without ASM) produces class files the JVM verifies and runs
 * with the advice in front of the original code, for methods with switches, exception handlers,
 * uninitialized objects in frames and loops; what it does not take goes to ASM.
 */
class PrefixWeaverTest {

  private static final String VALUE = "value-from-the-test-bridge";

  private final TransformStats stats = new TransformStats();
  private final SecretsTransformer transformer =
      new SecretsTransformer("io.kailash.workflow.Node", "run", SecretsBridge.class, stats);

  @BeforeEach
  void installTestBridge() {
    TestBridge.use(
        node -> {
          Map<String, String> secrets = new HashMap<>();
          for (SecretRequest request : NodeSecretRequirements.of(node.getClass())) {
            secrets.put(request.parameter(), VALUE);
          }
          return AgentProtocol.secrets(secrets);
        },
        fault -> null);
  }

  @AfterEach
  void resetBridge() {
    TestBridge.use(node -> null, fault -> null);
  }

  @Test
  void takesOrdinaryNodeClassesAndKeepsEverythingButTheRunMethodsCode() {
    for (Class<?> type :
        List.of(
            SampleNodes.TokenNode.class,
            SampleNodes.ChildNode.class,
            SampleNodes.LoopNode.class,
            SampleNodes.BranchyNode.class,
            SampleNodes.SingleSecretNode.class)) {
      byte[] original = ClassBytes.of(type);
      byte[] woven = PrefixWeaver.weave(original, AdvicePrefixes.runAdvice("run"));

      assertThat(woven).as(type.getName()).isNotNull().isNotSameAs(original);
      // The skimmer reads the same class: name, supertypes, method table, annotations.
      ClassFacts before = ClassFileSkimmer.skim(original, "run");
      ClassFacts after = ClassFileSkimmer.skim(woven, "run");
      assertThat(after).as(type.getName()).isEqualTo(before);
    }
    byte[] plain = ClassBytes.of(SampleNodes.Intermediate.class);
    assertThat(PrefixWeaver.weave(plain, AdvicePrefixes.runAdvice("run"))).isSameAs(plain);
  }

  @Test
  void switchesHandlersAndUninitializedObjectsStayValidAfterThePrefix() throws Exception {
    Node node = newNode(SampleNodes.BranchyNode.class);

    Map<String, Object> out = node.run(new HashMap<>(Map.of("number", "42")));

    assertThat(out)
        .containsEntry("token", VALUE)
        .containsEntry("dense", "two") // number and the injected api_token
        .containsEntry("sparse", "other")
        .containsEntry("built", "full")
        .containsEntry("parsed", 42);
    assertThat(newNode(SampleNodes.BranchyNode.class).run(new HashMap<>(Map.of("number", "x"))))
        .containsEntry("parsed", -1);
    assertThat(stats.errors()).isZero();
  }

  @Test
  void aCodeAttributeItDoesNotKnowIsLeftToAsm() throws Exception {
    byte[] original = ClassBytes.of(SampleNodes.TypeAnnotatedNode.class);

    assertThat(PrefixWeaver.weave(original, AdvicePrefixes.runAdvice("run"))).isNull();
    // The transformer weaves it all the same, with ASM.
    assertThat(newNode(SampleNodes.TypeAnnotatedNode.class).run(new HashMap<>()))
        .containsEntry("token", VALUE);
    assertThat(stats.transformed()).isEqualTo(1);
    assertThat(stats.errors()).isZero();
  }

  @Test
  void theHandoffHooksAreWovenInOnePass() throws Exception {
    List<String[]> prefetched = new ArrayList<>();
    TestBridge.prefetchTo(prefetched::add);
    TestBridge.declaresSecrets(type -> type == SampleNodes.TokenNode.class ? 1 : 0);

    Class<?> declares = hidden(DeclaresHookSample.class, null);
    Class<?> runStart = hidden(RunStartHookSample.class, null);
    Class<?> refused = hidden(DeclaresHookSample.class, "refused");

    assertThat(declares.getMethod("agentDeclaresSecrets", Class.class).invoke(null, Node.class))
        .isEqualTo(0);
    assertThat(
            declares
                .getMethod("agentDeclaresSecrets", Class.class)
                .invoke(null, SampleNodes.TokenNode.class))
        .isEqualTo(1);
    String[] refs = {"api-token", ""};
    runStart.getMethod("beforeRun", String[].class).invoke(null, (Object) refs);
    assertThat(prefetched).containsExactly(refs);
    // A refused loader keeps the declares hook as it is: the application reads annotations.
    assertThat(refused.getMethod("agentDeclaresSecrets", Class.class).invoke(null, Node.class))
        .isEqualTo(-1);
  }

  @Test
  void theApplicationsAgentHandoffIsTakenByThePrefixWeaver() {
    byte[] handoff = ClassBytes.of(io.kailash.secrets.injection.AgentHandoff.class);

    assertThat(PrefixWeaver.weave(handoff, AdvicePrefixes.handoff(null, "")))
        .isNotNull()
        .isNotSameAs(handoff);
    assertThat(
            PrefixWeaver.weave(handoff, AdvicePrefixes.handoff("a refusal \u00e9", "com.acme.A")))
        .isNotNull()
        .isNotSameAs(handoff);
  }

  private static Class<?> hidden(Class<?> sample, String refusal) throws Exception {
    byte[] woven = PrefixWeaver.weave(ClassBytes.of(sample), AdvicePrefixes.handoff(refusal, ""));
    assertThat(woven).isNotNull();
    return MethodHandles.lookup().defineHiddenClass(woven, true).lookupClass();
  }

  private Node newNode(Class<? extends Node> type) throws Exception {
    Class<?> woven = new TransformingLoader(transformer).loadClass(type.getName());
    assertThat(woven.getClassLoader()).isInstanceOf(TransformingLoader.class);
    return (Node) woven.getDeclaredConstructor().newInstance();
  }
}
