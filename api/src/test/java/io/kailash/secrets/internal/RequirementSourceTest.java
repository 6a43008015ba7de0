package io.kailash.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.SecretRequirement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configured requirements merged with annotations, with the annotation's rules. */
class RequirementSourceTest {

  /** Stands for a third-party class nobody can annotate. */
  static class ThirdParty {}

  static class SubclassOfThirdParty extends ThirdParty {}

  @SecretRequirement(name = "sub-own", parameter = "own")
  static class AnnotatedSubclassOfThirdParty extends ThirdParty {}

  @SecretRequirement(name = "base-token", parameter = "token")
  static class AnnotatedBase {}

  static class ConfiguredSubclassOfAnnotated extends AnnotatedBase {}

  @SecretRequirement(name = "key", parameter = "key")
  static class AnnotatedItself {}

  @SecretRequirement(name = "clashing", parameter = "key")
  static class AnnotatedSubclassClashing extends ThirdParty {}

  static class ConfiguredSubclassOverriding extends ThirdParty {}

  private static RequirementSource source(String... classAndText) {
    Map<String, String> declarations = new LinkedHashMap<>();
    for (int i = 0; i < classAndText.length; i += 2) {
      declarations.put(classAndText[i], classAndText[i + 1]);
    }
    return RequirementSource.with(ConfiguredRequirements.parse(declarations, name -> name));
  }

  @Test
  void aConfiguredClassHasItsRequirementsAndASubclassInheritsThem() {
    RequirementSource source =
        source(
            ThirdParty.class.getName(), "jwt-signing-key -> key, api-token@v2 -> token (optional)");

    assertThat(source.of(ThirdParty.class))
        .containsExactly(
            SecretRequest.required("jwt-signing-key", "key"),
            new SecretRequest("api-token", "token", true, "v2"));
    assertThat(source.of(SubclassOfThirdParty.class)).isEqualTo(source.of(ThirdParty.class));
    assertThat(source.of(AnnotatedSubclassOfThirdParty.class))
        .containsExactly(
            SecretRequest.required("jwt-signing-key", "key"),
            new SecretRequest("api-token", "token", true, "v2"),
            SecretRequest.required("sub-own", "own"));
  }

  @Test
  void aConfiguredSubclassOfAnAnnotatedClassAddsToItsRequirements() {
    RequirementSource source =
        source(ConfiguredSubclassOfAnnotated.class.getName(), "extra -> extra");

    assertThat(source.of(ConfiguredSubclassOfAnnotated.class))
        .containsExactly(
            SecretRequest.required("base-token", "token"),
            SecretRequest.required("extra", "extra"));
    assertThat(source.of(AnnotatedBase.class))
        .containsExactly(SecretRequest.required("base-token", "token"));
  }

  @Test
  void aConfiguredSubclassReplacesAConfiguredSuperclassesParameterAsAnnotationsDo() {
    RequirementSource source =
        source(
            ThirdParty.class.getName(), "key -> key",
            ConfiguredSubclassOverriding.class.getName(), "key@v1 -> key (optional)");

    assertThat(source.of(ConfiguredSubclassOverriding.class))
        .containsExactly(new SecretRequest("key", "key", true, "v1"));
  }

  @Test
  void configurationMayNotDeclareAParameterAnAnnotationOfTheClassOrASuperclassDeclares() {
    assertThatThrownBy(
            () -> source(AnnotatedItself.class.getName(), "other -> key").of(AnnotatedItself.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "the secret requirements configured for " + AnnotatedItself.class.getName())
        .hasMessageContaining(
            "declare the parameter 'key', which @SecretRequirement on "
                + AnnotatedItself.class.getName());
    assertThatThrownBy(
            () ->
                source(ConfiguredSubclassOfAnnotated.class.getName(), "other -> token")
                    .of(ConfiguredSubclassOfAnnotated.class))
        .hasMessageContaining("@SecretRequirement on " + AnnotatedBase.class.getName());
  }

  @Test
  void anAnnotatedSubclassMayNotRedeclareAParameterConfigurationGaveItsSuperclass() {
    RequirementSource source = source(ThirdParty.class.getName(), "key -> key");

    assertThatThrownBy(() -> source.of(AnnotatedSubclassClashing.class))
        .hasMessageContaining("configured for " + ThirdParty.class.getName())
        .hasMessageContaining("@SecretRequirement on " + AnnotatedSubclassClashing.class.getName());
  }

  @Test
  void answersOncePerClassAndTellsThePolicyWhichClassDeclaresASecretItself() {
    RequirementSource source = source(ThirdParty.class.getName(), "key -> key");

    assertThat(source.of(SubclassOfThirdParty.class))
        .isSameAs(source.of(SubclassOfThirdParty.class));
    assertThat(source.declares(ThirdParty.class, "key")).isTrue();
    assertThat(source.declares(SubclassOfThirdParty.class, "key")).isFalse();
    assertThat(source.declares(AnnotatedBase.class, "base-token")).isTrue();
  }

  @Test
  void withoutConfigurationItIsTheAnnotationReader() {
    assertThat(RequirementSource.with(ConfiguredRequirements.none()))
        .isSameAs(RequirementSource.annotationsOnly());
    assertThat(RequirementSource.annotationsOnly().of(AnnotatedBase.class))
        .isSameAs(NodeSecretRequirements.of(AnnotatedBase.class));
  }
}
