package io.kailash.secrets.injection;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretRequirement;
import org.junit.jupiter.api.Test;

/** Whether a class declares secrets for AgentHandoff: by annotation or by the agent's names. */
class DeclaresSecretsTest {

  static class ThirdParty {}

  static class Subclass extends ThirdParty {}

  static class Unrelated {}

  @SecretRequirement(name = "token", parameter = "token")
  static class Annotated {}

  @SecretRequirement(name = "a", parameter = "same")
  @SecretRequirement(name = "b", parameter = "same")
  static class Invalid {}

  private static final String NAMES = "com.acme.Elsewhere," + ThirdParty.class.getName();

  @Test
  void aConfiguredClassAndItsSubclassesDeclareSecrets() {
    assertThat(DeclaresSecrets.of(ThirdParty.class, NAMES).any).isTrue();
    assertThat(DeclaresSecrets.of(Subclass.class, NAMES).any).isTrue();
    assertThat(DeclaresSecrets.of(Unrelated.class, NAMES).any).isFalse();
    assertThat(DeclaresSecrets.of(Subclass.class, "").any).isFalse();
  }

  @Test
  void annotationsCountWithoutConfigurationAndInvalidOnesAreReported() {
    assertThat(DeclaresSecrets.of(Annotated.class, "").any).isTrue();
    DeclaresSecrets invalid = DeclaresSecrets.of(Invalid.class, NAMES);
    assertThat(invalid.any).isTrue();
    assertThat(invalid.invalid).contains("two @SecretRequirement for the parameter 'same'");
    assertThat(invalid.configuredClasses).isEqualTo(NAMES);
  }
}
