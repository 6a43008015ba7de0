package io.kailash.secrets.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigLoaderTest {

  private static final String TOKEN = "hvs.literal-token-value";

  @TempDir Path dir;

  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();

  /** A provider type "vault" with a plain key and a credential key, like the real one. */
  private static final SecretProviderFactory VAULT =
      new SecretProviderFactory() {
        @Override
        public String type() {
          return "vault";
        }

        @Override
        public Set<String> keys() {
          return Set.of("url", "token");
        }

        @Override
        public Set<String> credentialKeys() {
          return Set.of("token");
        }

        @Override
        public SecretProvider create(ProviderSettings settings) {
          throw new UnsupportedOperationException("not needed here");
        }
      };

  private AgentConfigLoader loader() {
    return new AgentConfigLoader(
        new KeyCatalog(AgentKeys.defaults(), Map.of("vault", VAULT)), properties, environment);
  }

  private Path file(String content) throws Exception {
    Path file = dir.resolve("kailash-secrets.properties");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void precedenceIsArgumentThenPropertyThenEnvironmentThenFileThenDefault() throws Exception {
    Path file = file("vault.url = file\nlog.level = debug\ninstrument.method = fromFile\n");
    environment.put("KAILASH_SECRETS_VAULT_URL", "env");
    environment.put("KAILASH_SECRETS_INSTRUMENT_METHOD", "fromEnv");
    properties.put("kailash.secrets.vault.url", "property");

    AgentConfig config = loader().load("config=" + file + ";vault.url=argument", null);

    assertThat(config.settings("vault").get("url")).contains("argument");
    assertThat(config.string("instrument.method")).isEqualTo("fromEnv");
    assertThat(config.string("log.level")).isEqualTo("debug");
    assertThat(config.string("instrument.base-type")).isEqualTo("io.kailash.workflow.Node");
    assertThat(config.describe())
        .contains("vault.url = argument  [agent argument]")
        .contains("log.level = debug  [file]");
  }

  @Test
  void fileBesideTheAgentJarIsUsedWhenNoLocationIsGiven() throws Exception {
    file("vault.url = beside\n");

    assertThat(loader().load(null, dir).settings("vault").get("url")).contains("beside");
  }

  @Test
  void unknownKeyNamesItsSourceAndSuggestsTheClosestKey() {
    properties.put("kailash.secrets.provders", "env");

    assertThatThrownBy(() -> loader().load(null, null))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("Unknown configuration key 'provders'")
        .hasMessageContaining("-Dkailash.secrets.provders")
        .hasMessageContaining("Did you mean 'providers'?");
  }

  @Test
  void unknownEnvironmentVariableIsAnError() {
    environment.put("KAILASH_SECRETS_VAULT_ULR", "x");

    assertThatThrownBy(() -> loader().load(null, null))
        .hasMessageContaining("KAILASH_SECRETS_VAULT_ULR")
        .hasMessageContaining("Did you mean 'KAILASH_SECRETS_VAULT_URL'?");
  }

  @Test
  void literalCredentialOnTheCommandLineIsRefusedWithoutShowingIt() {
    properties.put("kailash.secrets.vault.token", TOKEN);

    assertThatThrownBy(() -> loader().load(null, null))
        .hasMessageContaining("'vault.token' is a credential")
        .hasMessageContaining("${env:VAULT_TOKEN}")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    properties.clear();
    assertThatThrownBy(() -> loader().load("vault.token=" + TOKEN, null))
        .hasMessageContaining("the agent argument");
  }

  @Test
  void credentialReferencesAreResolvedAndMasked() throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "  " + TOKEN + "\n");
    properties.put("kailash.secrets.vault.token", "${file:" + tokenFile + "}");
    environment.put("VAULT_ADDR", "http://127.0.0.1:8200");
    environment.put("KAILASH_SECRETS_VAULT_URL", "${env:VAULT_ADDR}/");

    AgentConfig config = loader().load(null, null);

    ProviderSettings vault = config.settings("vault");
    assertThat(vault.get("token")).contains(TOKEN);
    assertThat(vault.get("url")).contains("http://127.0.0.1:8200/");
    assertThat(vault.toString()).doesNotContain(TOKEN);
    assertThat(config.describe()).contains("vault.token = ****").doesNotContain(TOKEN);
  }

  @Test
  void referenceToAnUnsetVariableNamesKeyAndVariable() {
    environment.put("KAILASH_SECRETS_VAULT_TOKEN", "${env:NOT_SET_HERE}");

    assertThatThrownBy(() -> loader().load(null, null))
        .hasMessageContaining("'vault.token' refers to ${env:NOT_SET_HERE}")
        .hasMessageContaining("is not set");
  }

  @Test
  void killSwitchIsHonouredBeforeAnythingElseIsChecked() {
    environment.put("KAILASH_SECRETS_ENABLED", "false");
    properties.put("kailash.secrets.no-such-key", "x");
    properties.put("kailash.secrets.config", "/does/not/exist");

    assertThat(loader().load(null, null).enabled()).isFalse();
  }

  @Test
  void warnPolicyIsKnownEvenWhenLoadingFailed() throws Exception {
    Path file = file("on-config-error = warn\nbroken\\u12 = x\n");
    AgentConfigLoader loader = loader();

    // The file that says "warn" cannot be read, so its policy is unknown: fail.
    assertThatThrownBy(() -> loader.load("config=" + file, null)).hasMessageContaining("malformed");
    assertThat(loader.warnOnConfigError()).isFalse();

    environment.put("KAILASH_SECRETS_ON_CONFIG_ERROR", "warn");
    AgentConfigLoader second = loader();
    assertThatThrownBy(() -> second.load("config=" + file, null)).hasMessageContaining("malformed");
    assertThat(second.warnOnConfigError()).isTrue();
  }

  @Test
  void providersMustBeKnownAndDistinct() {
    properties.put("kailash.secrets.providers", "vault, vualt");
    assertThatThrownBy(() -> loader().load(null, null).providers())
        .hasMessageContaining("Unknown provider 'vualt'")
        .hasMessageContaining("Known providers: vault.")
        .hasMessageContaining("Did you mean 'vault'?");

    properties.put("kailash.secrets.providers", "vault,vault");
    assertThatThrownBy(() -> loader().load(null, null).providers())
        .hasMessageContaining("named twice");
  }

  @Test
  void badValuesNameTheKeyAndTheAcceptedOnes() {
    properties.put("kailash.secrets.log.level", "loud");

    assertThatThrownBy(() -> loader().load(null, null).oneOf("log.level", "info", "debug"))
        .hasMessage("Invalid value 'loud' for 'log.level': expected one of info, debug.");
  }

  @Test
  void agentArgumentsMustBePairs() {
    assertThatThrownBy(() -> AgentArguments.parse("config=/a;oops"))
        .hasMessageContaining("'oops' is not a key=value pair");
    assertThatThrownBy(() -> AgentArguments.parse("a=1;a=2")).hasMessageContaining("twice");
  }

  @Test
  void theCheckCommandGetsEveryProblemWhileTheAgentStopsAtTheFirst() throws Exception {
    Path file = file("vault.urll = x\nlog.levl = debug\nvault.url = ${env:NOT_SET_ANYWHERE}\n");
    environment.put("KAILASH_SECRETS_VALT_URL", "x");

    java.util.List<String> problems = new java.util.ArrayList<>();
    loader().loadReportingAll("config=" + file, null, problems);

    assertThat(problems).hasSize(4);
    assertThat(String.join("\n", problems))
        .contains("KAILASH_SECRETS_VALT_URL", "'vault.urll'", "'log.levl'", "NOT_SET_ANYWHERE");
    assertThatThrownBy(() -> loader().load("config=" + file, null))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("KAILASH_SECRETS_VALT_URL")
        .hasMessageNotContaining("vault.urll");
  }

  @Test
  void aConfigurationKeyBehindANearMissOfThePrefixIsWarnedAboutByNameOnly() {
    environment.put("KAILASH_SECRET_PROVIDERS", "vault-from-the-wrong-variable");
    environment.put("kailash_secrets_vault_url", "https://lower-case.example");
    environment.put("KAILSH_SECRETS_LOG_LEVEL", "debug");
    environment.put("KAILASH_SECRET_JWT_SIGNING_KEY", "an-env-secret-not-a-key");
    environment.put("PROVIDERS", "too-far-to-be-a-near-miss");
    environment.put("KAILASH_SECRETS_PROVIDERS", "vault");

    AgentConfigLoader loader = loader();
    AgentConfig config = loader.load(null, null);

    assertThat(config.providers()).containsExactly("vault");
    assertThat(loader.warnings())
        .containsExactlyInAnyOrder(
            "The environment variable KAILASH_SECRET_PROVIDERS looks like the configuration key"
                + " 'providers' with the wrong prefix and is ignored; set"
                + " KAILASH_SECRETS_PROVIDERS instead.",
            "The environment variable kailash_secrets_vault_url looks like the configuration key"
                + " 'vault.url' with the wrong prefix and is ignored; set"
                + " KAILASH_SECRETS_VAULT_URL instead.",
            "The environment variable KAILSH_SECRETS_LOG_LEVEL looks like the configuration key"
                + " 'log.level' with the wrong prefix and is ignored; set"
                + " KAILASH_SECRETS_LOG_LEVEL instead.");
    assertThat(String.join("\n", loader.warnings()))
        .doesNotContain("vault-from-the-wrong-variable")
        .doesNotContain("lower-case.example")
        .doesNotContain("debug");
  }

  @Test
  void noWarningWhenEveryVariableIsSpelledRight() {
    environment.put("KAILASH_SECRETS_PROVIDERS", "vault");
    environment.put("KAILASH_SECRET_DB_PASSWORD", "an-env-secret");

    AgentConfigLoader loader = loader();
    loader.load(null, null);

    assertThat(loader.warnings()).isEmpty();
  }
}
