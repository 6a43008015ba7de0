package io.kailash.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.SecretRequirement;
import io.kailash.testing.TestNodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSecretRequirementsTest {

  @SecretRequirement(name = "token", parameter = "api_token")
  @SecretRequirement(name = "cert", parameter = "cert", optional = true)
  static class Base {}

  @SecretRequirement(name = "token", parameter = "api_token", version = "2", optional = true)
  @SecretRequirement(name = "extra", parameter = "extra")
  static class PinsTheTokenVersion extends Base {}

  static class DeclaresNothing extends PinsTheTokenVersion {}

  @SecretRequirement(name = "a", parameter = "same")
  @SecretRequirement(name = "b", parameter = "same")
  static class Conflicting {}

  @Test
  void readsRepeatedAnnotations() {
    assertThat(NodeSecretRequirements.of(Base.class))
        .containsExactly(
            SecretRequest.required("token", "api_token"), SecretRequest.optional("cert", "cert"));
  }

  @Test
  void superclassRequirementsComeFirstAndASubclassReplacesOneForTheSameParameter() {
    assertThat(NodeSecretRequirements.of(PinsTheTokenVersion.class))
        .containsExactly(
            SecretRequest.optional("cert", "cert"),
            new SecretRequest("token", "api_token", true, "2"),
            SecretRequest.required("extra", "extra"));
    assertThat(NodeSecretRequirements.of(DeclaresNothing.class))
        .isEqualTo(NodeSecretRequirements.of(PinsTheTokenVersion.class));
  }

  @Test
  void annotatedAbstractBaseNodesCount() {
    assertThat(NodeSecretRequirements.of(TestNodes.DerivedSecretNode.class))
        .extracting(SecretRequest::parameter)
        .containsExactly("base", "own");
  }

  @Test
  void aClassWithoutAnnotationsHasNone() {
    assertThat(NodeSecretRequirements.of(Object.class)).isEmpty();
    assertThat(NodeSecretRequirements.of(String.class)).isEmpty();
  }

  @Test
  void theResultIsCachedAndImmutable() {
    List<SecretRequest> first = NodeSecretRequirements.of(Base.class);

    assertThat(NodeSecretRequirements.of(Base.class)).isSameAs(first);
    assertThatThrownBy(() -> first.add(SecretRequest.required("x", "y")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void twoRequirementsForOneParameterOnOneClassAreRejectedNamingClassAndParameter() {
    assertThatThrownBy(() -> NodeSecretRequirements.of(Conflicting.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Conflicting.class.getName())
        .hasMessageContaining("parameter 'same'");
  }

  @Test
  void requestsValidateAndConvert() {
    assertThatThrownBy(() -> SecretRequest.required(" ", "p"))
        .hasMessageContaining("non-blank secret name");
    assertThatThrownBy(() -> SecretRequest.required("n", ""))
        .hasMessageContaining("secret 'n' needs a non-blank parameter name");
    SecretRequest request = new SecretRequest("n", "p", false, null);
    assertThat(request.version()).isEmpty();
    assertThat(request.withVersion("7").ref()).isEqualTo(new SecretRef("n", "7"));
    assertThat(new SecretRef("n", null)).isEqualTo(SecretRef.current("n"));
    assertThat(new SecretRef("n", "7")).hasToString("n@7");
  }
}
