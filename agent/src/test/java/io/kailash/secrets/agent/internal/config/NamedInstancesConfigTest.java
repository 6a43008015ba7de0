package io.kailash.secrets.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, named instances: {@code providers = vault-prod, vault-shared} with {@code <name>.type =
 * vault}; each instance's keys under its own name, from any source; the rules that make a wrong
 * name or type a clear error at start.
 */
class NamedInstancesConfigTest {

  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();

  private static SecretProviderFactory factory(String type, Set<String> keys, Set<String> creds) {
    return new SecretProviderFactory() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public Set<String> keys() {
        return keys;
      }

      @Override
      public Set<String> credentialKeys() {
        return creds;
      }

      @Override
      public SecretProvider create(ProviderSettings settings) {
        throw new UnsupportedOperationException("not needed here");
      }
    };
  }

  private static final Map<String, SecretProviderFactory> FACTORIES =
      Map.of(
          "vault", factory("vault", Set.of("url", "token", "aws.region"), Set.of("token")),
          "env", factory("env", Set.of("prefix"), Set.of()));

  private AgentConfigLoader loader(Map<String, SecretProviderFactory> factories) {
    Map<String, String> defaults = new LinkedHashMap<>(AgentKeys.defaults());
    defaults.put("cache.enabled", "auto");
    return new AgentConfigLoader(new KeyCatalog(defaults, factories), properties, environment);
  }

  private AgentConfig load(String agentArgs) {
    return loader(FACTORIES).load(agentArgs, null);
  }

  private void set(String key, String value) {
    properties.put("kailash.secrets." + key, value);
  }

  @Test
  void eachInstanceReadsTheKeysUnderItsOwnName() {
    set("providers", "vault-prod, vault-shared, env");
    set("vault-prod.type", "vault");
    set("vault-prod.url", "https://prod:8200");
    set("vault-shared.type", "Vault");
    set("vault-shared.url", "https://shared:8200");

    AgentConfig config = load(null);

    assertThat(config.providers()).containsExactly("vault-prod", "vault-shared", "env");
    assertThat(config.providerType("vault-prod")).isEqualTo("vault");
    assertThat(config.providerType("vault-shared")).isEqualTo("vault");
    assertThat(config.providerType("env")).isEqualTo("env");
    ProviderSettings prod = config.settings("vault-prod");
    assertThat(prod.prefix()).isEqualTo("vault-prod");
    assertThat(prod.get("url")).contains("https://prod:8200");
    assertThat(prod.get("type")).as("the type is the agent's, not the factory's").isEmpty();
    assertThat(prod.require("url")).isEqualTo("https://prod:8200");
    assertThat(config.settings("vault-shared").get("url")).contains("https://shared:8200");
    assertThatThrownBy(() -> config.settings("vault-shared").require("token"))
        .hasMessage("Missing required key 'vault-shared.token' for provider 'vault-shared'.");
  }

  @Test
  void aProviderNamedAfterItsTypeNeedsNoTypeKey() {
    set("providers", "vault, env");
    set("vault.url", "https://vault:8200");

    AgentConfig config = load(null);

    assertThat(config.providers()).containsExactly("vault", "env");
    assertThat(config.providerType("vault")).isEqualTo("vault");
    assertThat(config.settings("vault").get("url")).contains("https://vault:8200");
  }

  @Test
  void instanceKeysComeFromEnvironmentVariablesToo() {
    environment.put("KAILASH_SECRETS_PROVIDERS", "vault-prod");
    environment.put("KAILASH_SECRETS_VAULT_PROD_TYPE", "vault");
    environment.put("KAILASH_SECRETS_VAULT_PROD_URL", "https://prod:8200");
    environment.put("KAILASH_SECRETS_VAULT_PROD_TOKEN", "hvs.from-the-environment");

    AgentConfig config = load(null);

    assertThat(config.providers()).containsExactly("vault-prod");
    assertThat(config.settings("vault-prod").get("url")).contains("https://prod:8200");
    assertThat(config.settings("vault-prod").get("token")).contains("hvs.from-the-environment");
  }

  @Test
  void anInstanceKeyBehindAMisspeltPrefixGetsTheWarningWithTheVariableToSet() {
    set("providers", "vault-prod");
    set("vault-prod.type", "vault");
    environment.put("KAILASH_SECRET_VAULT_PROD_URL", "https://prod:8200");

    AgentConfigLoader loader = loader(FACTORIES);
    loader.load(null, null);

    assertThat(loader.warnings())
        .containsExactly(
            "The environment variable KAILASH_SECRET_VAULT_PROD_URL looks like the configuration"
                + " key 'vault-prod.url' with the wrong prefix and is ignored; set"
                + " KAILASH_SECRETS_VAULT_PROD_URL instead.");
  }

  @Test
  void anArgumentOrPropertyTypeIsAboveTheEnvironmentsAndTheFilesBelow() {
    set("providers", "vault-prod");
    environment.put("KAILASH_SECRETS_VAULT_PROD_TYPE", "nope");
    set("vault-prod.type", "vault");

    assertThat(load(null).providerType("vault-prod")).isEqualTo("vault");
  }

  @Test
  void anInstancesCredentialsAreMaskedAndRefusedOnTheCommandLine() {
    set("providers", "vault-prod");
    set("vault-prod.type", "vault");
    environment.put("KAILASH_SECRETS_VAULT_PROD_TOKEN", "hvs.do-not-show");

    AgentConfig config = load(null);

    assertThat(config.describe())
        .contains("vault-prod.token = ****")
        .doesNotContain("hvs.do-not-show");
    assertThat(config.settings("vault-prod").toString()).doesNotContain("hvs.do-not-show");

    set("vault-prod.token", "hvs.literal-on-the-command-line");
    assertThatThrownBy(() -> load(null))
        .hasMessageContaining("'vault-prod.token' is a credential and was given literally")
        .hasMessageNotContaining("hvs.literal-on-the-command-line");
  }

  @Test
  void anUnknownTypeListsTheKnownOnesAndSuggestsTheNearest() {
    set("providers", "vault-prod");
    set("vault-prod.type", "vualt");

    assertThatThrownBy(() -> load(null).providers())
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage(
            "Unknown provider type 'vualt' in 'vault-prod.type'. Known types: env, vault. Did you"
                + " mean 'vault'?");
  }

  @Test
  void aPublishedTypeMissingFromTheClassPathNamesItsArtifact() {
    set("providers", "aws-eu");
    set("aws-eu.type", "aws");

    assertThatThrownBy(() -> load(null).providers())
        .hasMessageContaining("Unknown provider type 'aws' in 'aws-eu.type'")
        .hasMessageContaining("io.kailash:kailash-secrets-aws");

    properties.remove("kailash.secrets.aws-eu.type");
    set("providers", "aws-agent");
    assertThatThrownBy(() -> load(null).providers())
        .hasMessage(
            "Unknown provider 'aws-agent' in 'providers'. Known providers: env, vault. The type"
                + " 'aws-agent' is in io.kailash:kailash-secrets-aws-agent: add that jar (it is not"
                + " on the class path).");
  }

  @Test
  void aNameThatIsNoTypeNeedsATypeKey() {
    set("providers", "vault-prod");
    set("vault-prod.url", "https://prod:8200"); // not reported: the missing type is the problem

    assertThatThrownBy(() -> load(null).providers())
        .hasMessage(
            "Unknown provider 'vault-prod' in 'providers'. Known providers: env, vault. A provider"
                + " with a name of its own needs its type: vault-prod.type = <type>.");
  }

  @Test
  void aTypeKeyForAProviderThatProvidersDoesNotNameIsAnError() {
    set("providers", "vault-prod");
    set("vault-prod.type", "vault");
    set("vault-old.type", "vault");

    assertThatThrownBy(() -> load(null))
        .hasMessageContaining(
            "'vault-old.type' (from -Dkailash.secrets.vault-old.type) gives the type of a"
                + " provider 'vault-old' that 'providers' does not name");
  }

  @Test
  void aKeyTheInstancesTypeDoesNotKnowIsAnErrorWithASuggestion() {
    set("providers", "vault-prod");
    set("vault-prod.type", "vault");
    set("vault-prod.urll", "https://prod:8200");

    assertThatThrownBy(() -> load(null))
        .hasMessageContaining(
            "Unknown configuration key 'vault-prod.urll' (from -Dkailash.secrets.vault-prod.urll):"
                + " the provider 'vault-prod' is of type vault, which has no key 'urll'.")
        .hasMessageContaining("Did you mean 'vault-prod.url'?");
  }

  @Test
  void malformedReservedRepeatedAndConflictingNamesAreErrors() {
    set("providers", "vault_prod");
    assertThatThrownBy(() -> load(null).providers())
        .hasMessageContaining("The provider name 'vault_prod' in 'providers' is not valid");

    set("providers", "cache");
    set("cache.type", "vault");
    assertThatThrownBy(() -> load(null).providers())
        .hasMessageContaining("'cache' in 'providers' is taken by the agent's own keys (cache.*)");
    properties.remove("kailash.secrets.cache.type");

    set("providers", "requirements");
    assertThatThrownBy(() -> load(null).providers())
        .hasMessageContaining(
            "'requirements' in 'providers' is taken by the agent's own keys (requirements.*)");

    set("providers", "vault-prod, vault-prod");
    set("vault-prod.type", "vault");
    assertThatThrownBy(() -> load(null).providers())
        .hasMessage("The provider 'vault-prod' is named twice in 'providers'.");
    properties.remove("kailash.secrets.vault-prod.type");

    set("providers", "vault");
    set("vault.type", "env");
    assertThatThrownBy(() -> load(null).providers())
        .hasMessageContaining("'vault.type' is 'env', but 'vault' is itself a provider type");
  }

  @Test
  void anEnvironmentVariableTwoKeysShareIsRefusedNamingBoth() {
    // The aws instance vault-aws's region and the vault type's own aws.region share a variable.
    Map<String, SecretProviderFactory> factories = new HashMap<>(FACTORIES);
    factories.put("aws", factory("aws", Set.of("region"), Set.of()));
    set("providers", "vault, vault-aws");
    set("vault-aws.type", "aws");
    environment.put("KAILASH_SECRETS_VAULT_AWS_REGION", "eu-west-1");

    assertThatThrownBy(() -> loader(factories).load(null, null))
        .hasMessage(
            "The environment variable KAILASH_SECRETS_VAULT_AWS_REGION could set any of the keys"
                + " vault-aws.region, vault.aws.region; set the one you mean in the configuration"
                + " file or as -Dkailash.secrets.<key> instead.");
  }

  @Test
  void theCheckCommandGetsEveryProblemOfTheProviders() {
    set("providers", "vault-prod, bad_name, vault-x, vault-prod");
    set("vault-prod.type", "vault");
    set("vault-x.type", "nope");

    List<String> problems = new ArrayList<>();
    AgentConfig config = loader(FACTORIES).loadReportingAll(null, null, problems);

    assertThat(problems).isEmpty();
    assertThat(config.providerInstances().problems())
        .hasSize(3)
        .anySatisfy(problem -> assertThat(problem).contains("'bad_name'"))
        .anySatisfy(problem -> assertThat(problem).contains("'nope' in 'vault-x.type'"))
        .anySatisfy(problem -> assertThat(problem).contains("named twice"));
    assertThat(config.providerInstances().types()).containsOnlyKeys("vault-prod");
  }
}
