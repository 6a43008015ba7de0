package io.kailash.secrets.agent.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.agenttest.SampleNodes;
import io.kailash.workflow.Node;
import org.junit.jupiter.api.Test;

class ClassFileSkimmerTest {

  @Test
  void readsNameSupertypesAndTheConcreteMapMethod() {
    ClassFacts facts = ClassFileSkimmer.skim(ClassBytes.of(SampleNodes.TokenNode.class), "run");

    assertThat(facts.name()).isEqualTo(ClassBytes.internalName(SampleNodes.TokenNode.class));
    assertThat(facts.superName()).isEqualTo("io/kailash/workflow/Node");
    assertThat(facts.interfaces()).isEmpty();
    assertThat(facts.isInterface()).isFalse();
    assertThat(facts.declaresTarget()).isTrue();
  }

  @Test
  void abstractStaticAndOtherlyTypedMethodsAreNotTargets() {
    assertThat(ClassFileSkimmer.skim(ClassBytes.of(Node.class), "run").declaresTarget()).isFalse();
    assertThat(
            ClassFileSkimmer.skim(ClassBytes.of(SampleNodes.Intermediate.class), "run")
                .declaresTarget())
        .isFalse();
    assertThat(
            ClassFileSkimmer.skim(ClassBytes.of(SampleNodes.TokenNode.class), "execute")
                .declaresTarget())
        .isFalse();
  }

  @Test
  void readsInterfaces() {
    ClassFacts facts = ClassFileSkimmer.skim(ClassBytes.of(SampleNodes.NotANode.class), "run");

    assertThat(facts.superName()).isEqualTo("java/lang/Object");
    assertThat(facts.interfaces())
        .containsExactly(ClassBytes.internalName(SampleNodes.Unrelated.class));
  }

  @Test
  void rejectsWhatIsNotAClassFile() {
    assertThat(ClassFileSkimmer.skim(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, "run")).isNull();
    byte[] truncated = ClassBytes.of(SampleNodes.TokenNode.class);
    assertThat(ClassFileSkimmer.skim(java.util.Arrays.copyOf(truncated, 40), "run")).isNull();
  }
}
