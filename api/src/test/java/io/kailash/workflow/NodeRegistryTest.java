package io.kailash.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.testing.TestNodes;
import org.junit.jupiter.api.Test;

class NodeRegistryTest {

  private final NodeRegistry registry = new NodeRegistry();

  @Test
  void registersAClassUnderItsSimpleNameAndCreatesAFreshInstanceEachTime() {
    registry.register(TestNodes.ConstantNode.class);

    var factory = registry.factory("ConstantNode").orElseThrow();
    assertThat(factory.get()).isInstanceOf(TestNodes.ConstantNode.class);
    assertThat(factory.get()).isNotSameAs(factory.get());
  }

  @Test
  void registersANameWithAFactory() {
    registry.register("Greeter", TestNodes.PlainNode::new);

    assertThat(registry.factory("Greeter").orElseThrow().get())
        .isInstanceOf(TestNodes.PlainNode.class);
    assertThat(registry.factory("Unknown")).isEmpty();
  }

  @Test
  void knownTypesAreSorted() {
    registry.register("b", TestNodes.PlainNode::new);
    registry.register(TestNodes.ConcatNode.class);
    registry.register("a", TestNodes.PlainNode::new);

    assertThat(registry.knownTypes()).containsExactly("ConcatNode", "a", "b");
  }

  @Test
  void registeringTheSameClassTwiceIsANoOp() {
    registry.register(TestNodes.ConstantNode.class).register(TestNodes.ConstantNode.class);

    assertThat(registry.knownTypes()).containsExactly("ConstantNode");
  }

  @Test
  void aSecondTypeUnderATakenNameIsRejectedWithTheName() {
    registry.register("Worker", TestNodes.PlainNode::new);

    assertThatThrownBy(() -> registry.register("Worker", TestNodes.KeyNode::new))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'Worker' is already registered");
  }

  @Test
  void rejectsAbstractClassesAndClassesWithoutPublicNoArgConstructor() {
    assertThatThrownBy(() -> registry.register(TestNodes.BaseSecretNode.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TestNodes.BaseSecretNode.class.getName())
        .hasMessageContaining("abstract");
    assertThatThrownBy(() -> registry.register(TestNodes.NeedsArgumentNode.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NeedsArgumentNode")
        .hasMessageContaining("public no-argument constructor");
  }

  @Test
  void rejectsBlankTypeNames() {
    assertThatThrownBy(() -> registry.register(" ", TestNodes.PlainNode::new))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-blank");
  }

  @Test
  void aFailingConstructorIsReportedWithTheClassAndTheCause() {
    var factory = NodeRegistry.factoryFor(ExplodingNode.class);

    assertThatThrownBy(factory::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ExplodingNode.class.getName())
        .cause()
        .hasMessage("no");
  }

  @Test
  void globalIsOneSharedRegistry() {
    assertThat(NodeRegistry.global()).isSameAs(NodeRegistry.global());
  }

  public static class ExplodingNode extends Node {
    public ExplodingNode() {
      throw new IllegalStateException("no");
    }

    @Override
    public java.util.Map<String, Object> run(java.util.Map<String, Object> inputs) {
      return java.util.Map.of();
    }
  }
}
