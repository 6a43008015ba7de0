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

  private static final int NO_AGENT_ANSWER = -1;

  @Test
  void aConfiguredClassAndItsSubclassesDeclareSecrets() {
    assertThat(DeclaresSecrets.of(ThirdParty.class, NAMES, NO_AGENT_ANSWER).any).isTrue();
    assertThat(DeclaresSecrets.of(Subclass.class, NAMES, NO_AGENT_ANSWER).any).isTrue();
    assertThat(DeclaresSecrets.of(Unrelated.class, NAMES, NO_AGENT_ANSWER).any).isFalse();
    assertThat(DeclaresSecrets.of(Subclass.class, "", NO_AGENT_ANSWER).any).isFalse();
  }

  @Test
  void annotationsCountWithoutConfigurationAndInvalidOnesAreReported() {
    assertThat(DeclaresSecrets.of(Annotated.class, "", NO_AGENT_ANSWER).any).isTrue();
    DeclaresSecrets invalid = DeclaresSecrets.of(Invalid.class, NAMES, NO_AGENT_ANSWER);
    assertThat(invalid.any).isTrue();
    assertThat(invalid.invalid).contains("two @SecretRequirement for the parameter 'same'");
    assertThat(invalid.configuredClasses).isEqualTo(NAMES);
  }

  @Test
  void theAgentsAnswerFromTheClassFilesIsTakenWithoutReadingAnnotations() {
    // 1: declares (the agent reports invalid declarations in its own answer).
    DeclaresSecrets invalid = DeclaresSecrets.of(Invalid.class, "", 1);
    assertThat(invalid.any).isTrue();
    assertThat(invalid.invalid).isNull();
    assertThat(DeclaresSecrets.of(Unrelated.class, "", 1).any).isTrue();
    // 0: declares nothing by annotation; the configured names still count.
    assertThat(DeclaresSecrets.of(Annotated.class, "", 0).any).isFalse();
    assertThat(DeclaresSecrets.of(Subclass.class, NAMES, 0).any).isTrue();
  }
}
