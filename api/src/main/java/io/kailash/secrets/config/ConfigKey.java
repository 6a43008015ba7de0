package io.kailash.secrets.config;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One configuration key as the documentation shows it: its name, its default and what it means.
 * docs/configuration.md's key table is generated from these (ConfigurationReferenceTest in the
 * agent module fails when the document and the code differ).
 *
 * @param name the key, relative to its owner (a factory's {@code url} is {@code vault.url})
 * @param defaultValue the default as a user writes it, e.g. {@code 5s}; empty when there is none (a
 *     required key says so in its description)
 * @param description one line of Markdown: what the key does and the values it accepts
 */
public record ConfigKey(String name, String defaultValue, String description) {

  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }

  /** A key with a default value. */
  public static ConfigKey of(String name, String defaultValue, String description) {
    return new ConfigKey(name, defaultValue, description);
  }

  /** A key without a default (optional, or required as the description says). */
  public static ConfigKey noDefault(String name, String description) {
    return new ConfigKey(name, "", description);
  }

  /** The names of {@code keys}, in their order. */
  public static Set<String> names(Collection<ConfigKey> keys) {
    Set<String> names = new LinkedHashSet<>();
    for (ConfigKey key : keys) {
      names.add(key.name());
    }
    return Set.copyOf(names);
  }
}
