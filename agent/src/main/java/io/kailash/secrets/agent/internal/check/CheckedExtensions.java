package io.kailash.secrets.agent.internal.check;

import io.kailash.secrets.agent.internal.config.AgentConfig;
import io.kailash.secrets.agent.internal.config.AgentConfigLoader;
import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.agent.internal.config.ConfigFile;
import io.kailash.secrets.agent.internal.config.KeyCatalog;
import io.kailash.secrets.agent.internal.extensions.ProviderExtensions;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The provider factories the check works with: the agent's own, and those of the jars the {@code
 * extensions} key names, like the agent's start. A broken extension is a problem of the report; the
 * sound ones are still loaded, so their providers are checked too.
 */
final class CheckedExtensions {

  private CheckedExtensions() {}

  static Map<String, SecretProviderFactory> factories(
      Path configFile,
      Map<String, String> defaults,
      Map<String, String> systemProperties,
      Map<String, String> environment,
      List<String> problems) {
    Map<String, SecretProviderFactory> builtIn = SecretProviderFactories.available();
    AgentConfig firstReading;
    try {
      // Only to learn 'extensions': the check proper reads the configuration again, with the
      // extensions' keys known, and reports its problems then.
      firstReading =
          new AgentConfigLoader(new KeyCatalog(defaults, builtIn), systemProperties, environment)
              .loadReportingAll(
                  ConfigFile.LOCATION_KEY + "=" + configFile, null, new ArrayList<>());
    } catch (SecretsConfigurationException | IllegalArgumentException unreadable) {
      return builtIn; // the check proper reports why
    }
    String extensions = firstReading.enabled() ? firstReading.string(AgentKeys.EXTENSIONS) : "";
    if (extensions.isEmpty()) {
      return builtIn;
    }
    ProviderExtensions.Found found =
        ProviderExtensions.load(
            extensions, builtIn, defaults.keySet(), CheckedExtensions.class.getClassLoader());
    problems.addAll(found.problems());
    return found.factories();
  }
}
