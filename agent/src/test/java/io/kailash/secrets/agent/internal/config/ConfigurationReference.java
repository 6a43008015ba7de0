package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.agent.internal.providers.LayerKeys;
import io.kailash.secrets.agent.internal.providers.ProviderChainAssembler;
import io.kailash.secrets.config.ConfigKey;
import io.kailash.secrets.config.SecretProviderFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders docs/configuration.md's key table from the code: the agent's own keys ({@link
 * AgentKeys}), the layer keys ({@link LayerKeys}) and each provider factory's {@link
 * SecretProviderFactory#describedKeys()}, and finds keys the catalog knows but nobody described.
 */
final class ConfigurationReference {

  static final String START = "<!-- generated:keys:start (ConfigurationReferenceTest) -->";
  static final String END = "<!-- generated:keys:end -->";
  static final String REGENERATE =
      "mvn -B -ntp -q -pl api,agent -am test -Dtest=ConfigurationReferenceTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dkailash.docs.regenerate=true";

  private final Map<String, ConfigKey> described = new LinkedHashMap<>();
  private final Map<String, SecretProviderFactory> factories;

  ConfigurationReference(Map<String, SecretProviderFactory> factories) {
    this.factories = factories;
    AgentKeys.described().forEach(key -> described.put(key.name(), key));
    AgentKeys.describedPrefixKeys().forEach(key -> described.put(key.name(), key));
    LayerKeys.described().forEach(key -> described.put(key.name(), key));
    for (SecretProviderFactory factory : factories.values()) {
      for (ConfigKey key : factory.describedKeys()) {
        String name = factory.type() + "." + key.name();
        described.put(name, new ConfigKey(name, key.defaultValue(), key.description()));
      }
    }
  }

  /** Keys the agent accepts without a description, and described keys it does not accept. */
  List<String> problems() {
    Map<String, String> agentKeys = new LinkedHashMap<>(AgentKeys.defaults());
    agentKeys.putAll(ProviderChainAssembler.layerKeys());
    KeyCatalog catalog = new KeyCatalog(agentKeys, factories);
    List<String> problems = new ArrayList<>();
    for (String key : catalog.keys()) {
      ConfigKey doc = described.get(key);
      if (doc == null || doc.description().isBlank()) {
        problems.add(key + " has no description (add it to " + owner(key) + ")");
      }
    }
    for (String key : described.keySet()) {
      if (!catalog.isKnown(key)) {
        problems.add(key + " is described but the agent does not accept it");
      }
    }
    return problems;
  }

  private String owner(String key) {
    String type = key.substring(0, Math.max(0, key.indexOf('.')));
    if (factories.containsKey(type)) {
      return factories.get(type).getClass().getSimpleName() + ".describedKeys()";
    }
    return ProviderChainAssembler.layerKeys().containsKey(key) ? "LayerKeys" : "AgentKeys";
  }

  /** The Markdown table, without the markers. */
  String table() {
    StringBuilder table = new StringBuilder();
    table.append("| Key | Default | Meaning |\n| --- | --- | --- |\n");
    for (ConfigKey key : described.values()) {
      table
          .append("| `")
          .append(key.name())
          .append("` | ")
          .append(key.defaultValue().isEmpty() ? "(none)" : "`" + key.defaultValue() + "`")
          .append(" | ")
          .append(key.description().replace("|", "\\|"))
          .append(
              isCredential(key.name())
                  ? "; **credential**: masked when shown, refused"
                      + " literally on the command line"
                  : "")
          .append(" |\n");
    }
    return table.toString();
  }

  private boolean isCredential(String key) {
    for (SecretProviderFactory factory : factories.values()) {
      for (String credential : factory.credentialKeys()) {
        if (key.equals(factory.type() + "." + credential)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code document} with the text between the markers replaced by {@link #table()}. */
  String renderInto(String document) {
    int start = document.indexOf(START);
    int end = document.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalStateException(
          "docs/configuration.md lacks the markers " + START + " ... " + END);
    }
    return document.substring(0, start + START.length()) + "\n" + table() + document.substring(end);
  }
}
