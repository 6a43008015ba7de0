package io.kailash.secrets.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.internal.ConfiguredRequirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code requirements.<class>} prefix key, from each source, and its errors at start. */
class RequirementSettingsTest {

  @TempDir Path dir;

  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();

  private ConfiguredRequirements read(String agentArgs) {
    AgentConfig config =
        new AgentConfigLoader(
                new KeyCatalog(AgentKeys.defaults(), Map.of()), properties, environment)
            .load(agentArgs, null);
    return RequirementSettings.read(config);
  }

  private Path file(String content) throws Exception {
    return Files.writeString(dir.resolve("k.properties"), content, StandardCharsets.UTF_8);
  }

  @Test
  void aClassNameOfAnyShapeFollowsThePrefixInTheFile() throws Exception {
    Path file =
        file(
            "requirements.com.acme.ThirdPartyNode = jwt-signing-key -> secret_key,"
                + " api-token -> api_token (optional)\n"
                + "requirements.com.acme.Outer$Inner = db/creds#password@v2 -> password\n");

    ConfiguredRequirements configured = read("config=" + file);

    assertThat(configured.forClass("com.acme.ThirdPartyNode"))
        .containsExactly(
            SecretRequest.required("jwt-signing-key", "secret_key"),
            SecretRequest.optional("api-token", "api_token"));
    assertThat(configured.forClass("com.acme.Outer$Inner"))
        .containsExactly(new SecretRequest("db/creds#password", "password", false, "v2"));
    assertThat(RequirementSettings.classNames(configured))
        .isEqualTo("com.acme.Outer$Inner,com.acme.ThirdPartyNode");
  }

  @Test
  void aSystemPropertyOrAnAgentArgumentDeclaresThemToo() throws Exception {
    properties.put("kailash.secrets.requirements.com.acme.A", "a -> x");
    Path file = file("requirements.com.acme.A = old -> x\n");

    ConfiguredRequirements configured = read("config=" + file + ";requirements.com.acme.B=b -> y");

    assertThat(configured.forClass("com.acme.A")).containsExactly(SecretRequest.required("a", "x"));
    assertThat(configured.forClass("com.acme.B")).containsExactly(SecretRequest.required("b", "y"));
  }

  @Test
  void withoutTheKeysNothingIsConfigured() {
    assertThat(read("").isEmpty()).isTrue();
    assertThat(RequirementSettings.classNames(read(""))).isEmpty();
  }

  @Test
  void aBadDeclarationNamesItsKeyAndTheForm() {
    assertThatThrownBy(() -> read("requirements.com.acme.Node=jwt-signing-key secret_key"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageStartingWith(
            "Invalid secret requirements in 'requirements.com.acme.Node': the entry"
                + " 'jwt-signing-key secret_key' is invalid: it needs exactly one '->'")
        .hasMessageContaining("<secret>[@<version>] -> <parameter> [(optional)]");
    assertThatThrownBy(() -> read("requirements.com.acme.Node=a -> x, b -> x"))
        .hasMessageContaining("the parameter 'x' is declared twice");
    assertThatThrownBy(() -> read("requirements.com.acme.Node=../a -> x"))
        .hasMessageContaining("the secret name '../a' is invalid");
    assertThatThrownBy(() -> read("requirements.com.acme.Node-Impl=a -> x"))
        .hasMessageContaining(
            "'requirements.com.acme.Node-Impl': 'com.acme.Node-Impl' is not a binary class name");
  }

  @Test
  void theBarePrefixIsNoKey() {
    assertThatThrownBy(() -> read("requirements.=a -> x"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("Unknown configuration key 'requirements.'");
  }

  @Test
  void aMisspeltPrefixIsAnUnknownKeyWithASuggestion() {
    assertThatThrownBy(() -> read("requirement.com.acme.Node=a -> x"))
        .hasMessageContaining("Unknown configuration key 'requirement.com.acme.Node'")
        .hasMessageContaining("Did you mean 'requirements.com.acme.Node'?");
  }

  @Test
  void anEnvironmentVariableCannotSpellAClassNameAndIsRefusedSayingWhereToWriteIt() {
    environment.put("KAILASH_SECRETS_REQUIREMENTS_COM_ACME_NODE", "a -> x");

    assertThatThrownBy(() -> read(""))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage(
            "The environment variable KAILASH_SECRETS_REQUIREMENTS_COM_ACME_NODE cannot declare"
                + " secret requirements: a variable name cannot spell a class name (case, '.' and"
                + " '$' are lost). Write requirements.<class> in the configuration file, or as"
                + " -Dkailash.secrets.requirements.<class>.");
  }

  @Test
  void theDescribedPrefixKeyIsAcceptedLikeEveryClassName() {
    KeyCatalog catalog = new KeyCatalog(AgentKeys.defaults(), Map.of());

    assertThat(catalog.isKnown("requirements.com.acme.Node")).isTrue();
    assertThat(catalog.isKnown("requirements.")).isFalse();
    assertThat(AgentKeys.describedPrefixKeys())
        .extracting("name")
        .isEqualTo(List.of("requirements.<class>"));
  }
}
