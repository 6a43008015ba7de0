package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.SecretProviderFactories;
import io.kailash.secrets.config.SecretProviderFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The providers of the chain as {@code providers} names them, each with its type: a name that is a
 * provider type is an instance of that type ({@code vault}); any other name is a named instance
 * whose type {@code <name>.type} gives ({@code vault-prod.type = vault}), with its own keys under
 * its name ({@code vault-prod.url}). Reading collects every problem, so that {@code check} can
 * report them all; the agent stops at the first.
 */
public final class ProviderInstances {

  /** The key, under an instance's name, that gives its type. */
  public static final String TYPE_KEY = "type";

  private final Map<String, String> typeByName = new LinkedHashMap<>();
  private final Set<String> unresolved = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();

  private ProviderInstances() {}

  /**
   * @param providers the value of {@code providers}
   * @param values the configuration's values by full key; {@code <name>.type} is looked up here
   * @param factories the known provider types
   * @param reserved names the agent's own keys use ({@link KeyCatalog#reservedNames()})
   */
  static ProviderInstances read(
      String providers,
      Map<String, String> values,
      Map<String, SecretProviderFactory> factories,
      Set<String> reserved) {
    ProviderInstances instances = new ProviderInstances();
    boolean any = false;
    for (String part : providers.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) {
        any = true;
        instances.add(name, values, factories, reserved);
      }
    }
    if (!any) {
      instances.problems.add(
          "'" + AgentKeys.PROVIDERS + "' names no provider; give at least one, e.g. 'env'.");
    }
    return instances;
  }

  private void add(
      String name,
      Map<String, String> values,
      Map<String, SecretProviderFactory> factories,
      Set<String> reserved) {
    if (typeByName.containsKey(name) || unresolved.contains(name)) {
      problems.add("The provider '" + name + "' is named twice in '" + AgentKeys.PROVIDERS + "'.");
      return;
    }
    if (!SecretProviderFactories.isWellFormedType(name)) {
      unresolved.add(name);
      problems.add(
          "The provider name '"
              + name
              + "' in '"
              + AgentKeys.PROVIDERS
              + "' is not valid: a name is 1-40 lower-case letters, digits or '-', starting with a"
              + " letter (the rule for provider types), e.g. vault-prod.");
      return;
    }
    if (reserved.contains(name) && !factories.containsKey(name)) {
      unresolved.add(name);
      problems.add(
          "The provider name '"
              + name
              + "' in '"
              + AgentKeys.PROVIDERS
              + "' is taken by the agent's own keys ("
              + name
              + ".*); choose another name, e.g. "
              + name
              + "-vault.");
      return;
    }
    String typeKey = name + "." + TYPE_KEY;
    String type = values.getOrDefault(typeKey, "").trim().toLowerCase(Locale.ROOT);
    if (factories.containsKey(name)) {
      if (!type.isEmpty() && !type.equals(name)) {
        problems.add(
            "'"
                + typeKey
                + "' is '"
                + type
                + "', but '"
                + name
                + "' is itself a provider type, so it can only be one: remove '"
                + typeKey
                + "', or give the "
                + type
                + " instance another name (e.g. "
                + type
                + "-"
                + name
                + ") in '"
                + AgentKeys.PROVIDERS
                + "'.");
        unresolved.add(name);
        return;
      }
      typeByName.put(name, name);
      return;
    }
    unresolved.add(name);
    if (type.isEmpty()) {
      problems.add(
          "Unknown provider '"
              + name
              + "' in '"
              + AgentKeys.PROVIDERS
              + "'. Known providers: "
              + known(factories)
              + "."
              + (SecretProviderFactories.missingArtifact(name).isPresent()
                  ? missingArtifact(name)
                  : KeySuggestions.didYouMean(name, factories.keySet())
                      + " A provider with a name of its own needs its type: "
                      + typeKey
                      + " = <type>."));
    } else if (!factories.containsKey(type)) {
      problems.add(
          "Unknown provider type '"
              + type
              + "' in '"
              + typeKey
              + "'. Known types: "
              + known(factories)
              + "."
              + missingArtifact(type)
              + KeySuggestions.didYouMean(type, factories.keySet()));
    } else {
      unresolved.remove(name);
      typeByName.put(name, type);
    }
  }

  private static String known(Map<String, SecretProviderFactory> factories) {
    return String.join(", ", new TreeSet<>(factories.keySet()));
  }

  private static String missingArtifact(String type) {
    Optional<String> artifact = SecretProviderFactories.missingArtifact(type);
    return artifact.isEmpty()
        ? ""
        : " The type '"
            + type
            + "' is in "
            + artifact.get()
            + ": add that jar (it is not on the class path).";
  }

  /** The names whose type is known, with it, in chain order. */
  public Map<String, String> types() {
    return Collections.unmodifiableMap(typeByName);
  }

  /**
   * Names listed that are not providers of the chain: malformed, reserved, or whose type is unknown
   * or missing (a problem says why). Their keys are not checked: the name is the problem.
   */
  public Set<String> unresolved() {
    return Collections.unmodifiableSet(unresolved);
  }

  /** Every problem found, one message each, in the order of {@code providers}. */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }
}
