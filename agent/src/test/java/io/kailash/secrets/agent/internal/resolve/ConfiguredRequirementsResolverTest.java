package io.kailash.secrets.agent.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.agent.internal.transform.TransformStats;
import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.secrets.internal.ConfiguredRequirements;
import io.kailash.secrets.policy.PolicyDefault;
import io.kailash.secrets.policy.PolicyFile;
import io.kailash.testing.MapSecretProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's resolver with {@code requirements.<class>}: merged at DeclaredRequirements. */
class ConfiguredRequirementsResolverTest {

  private static final String TEST = ConfiguredRequirementsResolverTest.class.getName();

  @TempDir Path dir;

  private final MapSecretProvider provider =
      new MapSecretProvider("memory")
          .readsOneByOne()
          .put("jwt-signing-key", "k3y-value")
          .put("extra", "x-value");

  /** A third-party class: nobody can annotate it. */
  static class ThirdParty {}

  @SecretRequirement(name = "extra", parameter = "extra")
  static class AnnotatedSubclass extends ThirdParty {}

  @SecretRequirement(name = "extra", parameter = "secret_key")
  static class ClashingSubclass extends ThirdParty {}

  private SecretResolver resolver(PolicyGate policy) {
    ConfiguredRequirements configured =
        ConfiguredRequirements.parse(
            Map.of(
                TEST + "$ThirdParty", "jwt-signing-key -> secret_key, absent -> maybe (optional)"),
            name -> name);
    return new SecretResolver(
        provider,
        ResolutionAudit.off(),
        new TransformStats(),
        false,
        policy,
        type -> null, // no class file read: annotations by reflection
        configured);
  }

  @Test
  void aConfiguredClassAndItsSubclassesAreAnsweredWithTheConfiguredSecrets() {
    SecretResolver resolver = resolver(PolicyGate.none());

    assertThat(resolver.resolve(ThirdParty.class))
        .isEqualTo(AgentProtocol.secrets(Map.of("secret_key", "k3y-value")));
    assertThat(resolver.resolve(AnnotatedSubclass.class))
        .isEqualTo(AgentProtocol.secrets(Map.of("secret_key", "k3y-value", "extra", "x-value")));
  }

  @Test
  void aMissingConfiguredSecretIsTheApplicationsNotFoundException() {
    provider.remove("jwt-signing-key");
    Object answer = resolver(PolicyGate.none()).resolve(ThirdParty.class);

    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> assertThat(e.missing()).containsExactly(SecretRef.current("jwt-signing-key")));
  }

  @Test
  void aParameterBothConfiguredAndAnnotatedFailsTheNodeNamingBoth() {
    Object answer = resolver(PolicyGate.none()).resolve(ClashingSubclass.class);

    assertThatThrownBy(() -> AgentHandoff.inject(new Object(), Map.of(), answer))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INVALID_REQUEST))
        .hasMessageContaining("the secret requirements configured for " + TEST + "$ThirdParty")
        .hasMessageContaining("@SecretRequirement on " + TEST + "$ClashingSubclass");
  }

  @Test
  void aConfiguredSuperclassCountsForThePolicyAsAnAnnotatedOneDoes() throws IOException {
    Path file = dir.resolve("app.policy");
    Files.writeString(
        file,
        "jwt-signing-key : "
            + TEST
            + "$ThirdParty\nabsent : "
            + TEST
            + "$ThirdParty\nextra : "
            + TEST
            + "$AnnotatedSubclass\n",
        StandardCharsets.UTF_8);
    SecretResolver resolver = resolver(new PolicyGate(PolicyFile.read(file, PolicyDefault.DENY)));

    assertThat(resolver.resolve(AnnotatedSubclass.class))
        .isEqualTo(AgentProtocol.secrets(Map.of("secret_key", "k3y-value", "extra", "x-value")));
  }
}
