package io.kailash.secrets.agent.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.agent.internal.config.AgentConfig;
import io.kailash.secrets.agent.internal.config.AgentConfigLoader;
import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.agent.internal.config.KeyCatalog;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.files.FilesSecretProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which layers {@code auto} puts around the chain, for local and remote providers. */
class ProviderChainAssemblerTest {

  @TempDir Path dir;

  private final Map<String, SecretProviderFactory> factories = SecretProviderFactories.available();

  private AgentConfig config(String agentArgs) {
    Map<String, String> keys = new LinkedHashMap<>(AgentKeys.defaults());
    keys.putAll(ProviderChainAssembler.layerKeys());
    return new AgentConfigLoader(new KeyCatalog(keys, factories), Map.of(), Map.of())
        .load(agentArgs, null);
  }

  @Test
  void aFilesOnlyChainHasNoCacheSoAnUpdatedFileIsServedAtOnce() throws Exception {
    Files.writeString(dir.resolve("api-token"), "tok-before");
    AgentConfig config = config("providers=files, env;files.directory=" + dir);

    SecretProvider provider =
        ProviderChainAssembler.assemble(config, factories, new MBeanPublisher());
    assertThat(provider.getSecret("api-token")).isEqualTo("tok-before");
    Files.writeString(dir.resolve("api-token"), "tok-after");

    assertThat(ProviderChainAssembler.isCached(config)).isFalse();
    assertThat(provider.getSecret("api-token")).isEqualTo("tok-after");
  }

  @Test
  void aMisspelledFilesKeyIsAConfigurationErrorWithASuggestion() {
    assertThatThrownBy(() -> config("providers=files;files.directroy=" + dir))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("Unknown configuration key 'files.directroy'")
        .hasMessageContaining("Did you mean 'files.directory'?");
  }

  @Test
  void aSingleFilesProviderIsUsedAsItIs() {
    AgentConfig config = config("providers=files;files.directory=" + dir);

    assertThat(ProviderChainAssembler.assemble(config, factories, new MBeanPublisher()))
        .isInstanceOf(FilesSecretProvider.class);
  }

  @Test
  void aRemoteProviderBesideFilesStillGetsTheCacheAndExplicitSettingsWin() {
    String files = ";files.directory=" + dir;

    assertThat(ProviderChainAssembler.isCached(config("providers=vault, files" + files))).isTrue();
    assertThat(
            ProviderChainAssembler.isCached(config("providers=files;cache.enabled=true" + files)))
        .isTrue();
  }
}
