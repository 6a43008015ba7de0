package io.kailash.secrets.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretProviderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's key table is the code's: every key the agent accepts is described, and
 * the committed table is what {@link ConfigurationReference} renders. With {@code
 * -Dkailash.docs.regenerate=true} the test writes the table instead of comparing.
 */
class ConfigurationReferenceTest {

  private static final Path DOCUMENT =
      Path.of(System.getProperty("basedir", "."), "..", "docs", "configuration.md").normalize();

  private final ConfigurationReference reference =
      new ConfigurationReference(SecretProviderFactories.available());

  @Test
  void everyAcceptedKeyHasADescription() {
    assertThat(reference.problems()).isEmpty();
  }

  @Test
  void theCommittedTableIsTheCodes() throws IOException {
    String committed = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    String rendered = reference.renderInto(committed);
    if (Boolean.getBoolean("kailash.docs.regenerate")) {
      Files.writeString(DOCUMENT, rendered, StandardCharsets.UTF_8);
      return;
    }
    assertThat(committed)
        .as(
            "docs/configuration.md's key table differs from the code (AgentKeys, LayerKeys, the"
                + " factories' describedKeys()); regenerate it with: "
                + ConfigurationReference.REGENERATE)
        .isEqualTo(rendered);
  }

  @Test
  void aKeyWithoutADescriptionIsNamedWithWhereToAddIt() {
    SecretProviderFactory undescribed =
        new SecretProviderFactory() {
          @Override
          public String type() {
            return "demo";
          }

          @Override
          public Set<String> keys() {
            return Set.of("agent");
          }

          @Override
          public SecretProvider create(ProviderSettings settings) {
            throw new UnsupportedOperationException();
          }
        };
    Map<String, SecretProviderFactory> factories =
        new TreeMap<>(SecretProviderFactories.available());
    factories.put("demo", undescribed);

    assertThat(new ConfigurationReference(factories).problems())
        .singleElement()
        .asString()
        .startsWith("demo.agent has no description");
  }

  @Test
  void theTableShowsDefaultsAndMarksCredentials() {
    String table = reference.table();

    assertThat(table)
        .contains("| `cache.ttl` | `5m` |")
        .contains("| `files.directory` | (none) |")
        .containsPattern("\\| `vault.token` \\| \\(none\\) \\| [^\\n]*\\*\\*credential\\*\\*");
  }
}
