package io.kailash.secrets.agent.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.agenttest.SampleNodes;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.agent.bridge.SecretsBridge;
import io.kailash.secrets.agent.bridge.TestBridge;
import io.kailash.workflow.Node;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code @SecretRequirement}s the transformer reads from class files (issue 16: no reflection
 * and no annotation proxies per node class) are exactly those reflection reads.
 */
class DeclarationsFromClassFilesTest {

  @AfterEach
  void resetBridge() {
    TestBridge.use(node -> null, fault -> null);
  }

  /** What reflection reads from {@code type} itself, in the class-file reader's form. */
  private static List<DeclaredSecret> byReflection(Class<?> type) {
    List<DeclaredSecret> declared = new ArrayList<>();
    for (SecretRequirement r : type.getDeclaredAnnotationsByType(SecretRequirement.class)) {
      declared.add(new DeclaredSecret(r.name(), r.parameter(), r.optional(), r.version()));
    }
    return declared;
  }

  @Test
  void theSkimmerReadsWhatReflectionReads() {
    for (Class<?> type :
        List.of(
            SampleNodes.TokenNode.class,
            SampleNodes.ManySecretsNode.class,
            SampleNodes.SingleSecretNode.class,
            SampleNodes.ChildNode.class,
            SampleNodes.Intermediate.class,
            Node.class)) {
      ClassFacts facts = ClassFileSkimmer.skim(ClassBytes.of(type), "run");

      assertThat(facts.declared()).as(type.getName()).isEqualTo(byReflection(type));
    }
    assertThat(
            ClassFileSkimmer.skim(ClassBytes.of(SampleNodes.ManySecretsNode.class), "run")
                .declared())
        .containsExactly(
            new DeclaredSecret("db/creds#password", "db_p\u00e4ssword", true, ""),
            new DeclaredSecret("api-token", "api_token", false, "v2"));
  }

  @Test
  void theTransformerRecordsEveryFamilyClassWovenOrNot() throws Exception {
    SecretsTransformer transformer =
        new SecretsTransformer(
            "io.kailash.workflow.Node", "run", SecretsBridge.class, new TransformStats());
    ClassLoader application = new TransformingLoader(transformer);

    Class<?> inheritsRun =
        application.loadClass(SampleNodes.ManySecretsNode.class.getName()); // not woven
    Class<?> single = application.loadClass(SampleNodes.SingleSecretNode.class.getName());
    Class<?> notANode = application.loadClass(SampleNodes.NotANode.class.getName());

    ClassFileDeclarations declarations = transformer.declarations();
    assertThat(declarations.apply(inheritsRun))
        .isEqualTo(byReflection(SampleNodes.ManySecretsNode.class));
    assertThat(declarations.apply(inheritsRun.getSuperclass()))
        .isEqualTo(byReflection(SampleNodes.TokenNode.class));
    assertThat(declarations.apply(single))
        .containsExactly(new DeclaredSecret("single", "one", true, "3"));
    assertThat(declarations.apply(notANode)).isNull(); // not of the family: never recorded
    assertThat(declarations.apply(SampleNodes.TokenNode.class)).isNull(); // another loader
    assertThat(transformer.verdict(single)).isNull(); // woven: answered without reflection
  }

  @Test
  void theWovenHookAsksTheBridgeWhetherAClassDeclaresSecrets() throws Exception {
    byte[] woven = new GuardHookWeaver("").weave(ClassBytes.of(DeclaresHookSample.class), null);
    Class<?> hook = MethodHandles.lookup().defineHiddenClass(woven, true).lookupClass();
    TestBridge.declaresSecrets(type -> type == SampleNodes.TokenNode.class ? 1 : 0);

    Object declares =
        hook.getMethod("agentDeclaresSecrets", Class.class)
            .invoke(null, SampleNodes.TokenNode.class);
    Object none =
        hook.getMethod("agentDeclaresSecrets", Class.class)
            .invoke(null, SampleNodes.NotANode.class);

    assertThat(declares).isEqualTo(1);
    assertThat(none).isEqualTo(0);
    assertThat(DeclaresHookSample.agentDeclaresSecrets(SampleNodes.TokenNode.class)).isEqualTo(-1);
  }

  @Test
  void aRefusedLoaderKeepsTheHookUnwovenSoTheApplicationReadsTheAnnotations() throws Exception {
    byte[] woven =
        new GuardHookWeaver("").weave(ClassBytes.of(DeclaresHookSample.class), "refused here");
    Class<?> hook = MethodHandles.lookup().defineHiddenClass(woven, true).lookupClass();
    TestBridge.declaresSecrets(type -> 1);

    assertThat(
            hook.getMethod("agentDeclaresSecrets", Class.class)
                .invoke(null, SampleNodes.TokenNode.class))
        .isEqualTo(-1);
  }

  @Test
  void aRequestBuiltFromTheClassFileIsTheOneReflectionBuilds() {
    DeclaredSecret secret =
        ClassFileSkimmer.skim(ClassBytes.of(SampleNodes.SingleSecretNode.class), "run")
            .declared()
            .get(0);

    assertThat(
            new SecretRequest(
                secret.name(), secret.parameter(), secret.optional(), secret.version()))
        .isEqualTo(
            SecretRequest.from(
                SampleNodes.SingleSecretNode.class.getAnnotation(SecretRequirement.class)));
  }
}
