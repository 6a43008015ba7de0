package io.kailash.secrets.agent.internal.check;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Asks the providers, in chain order, for each declared secret, the way the agent's chain would:
 * the first provider that has it answers; one that cannot answer stops the search (the node would
 * fail). The value read is dropped at once: only which provider answered is kept, never the value,
 * its length or a hash of it.
 */
final class SecretProbe {

  /** How one declared secret (name and version) fares. */
  record Outcome(Status status, String provider, String detail) {
    boolean resolves() {
      return status == Status.RESOLVES;
    }
  }

  enum Status {
    RESOLVES,
    NOT_FOUND,
    BACKEND_ERROR,
    NOT_CHECKED
  }

  private final Map<String, SecretProvider> providers;
  private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

  /** The first failure of each provider, for the provider section of the report. */
  private final Map<String, String> providerFailures = new LinkedHashMap<>();

  /** Providers that answered a question, with a value or with "not found". */
  private final Set<String> answered = new HashSet<>();

  SecretProbe(Map<String, SecretProvider> providers) {
    this.providers = providers;
  }

  Outcome probe(String name, String version) {
    return outcomes.computeIfAbsent(name + "\u0000" + version, key -> ask(name, version));
  }

  private Outcome ask(String name, String version) {
    if (providers.isEmpty()) {
      return new Outcome(Status.NOT_CHECKED, "", "no provider could be built");
    }
    for (Map.Entry<String, SecretProvider> provider : providers.entrySet()) {
      try {
        provider.getValue().getSecret(name, version); // the value is not kept
        answered.add(provider.getKey());
        return new Outcome(Status.RESOLVES, provider.getKey(), "");
      } catch (SecretNotFoundException absent) {
        answered.add(provider.getKey()); // the chain asks the next provider
      } catch (SecretBackendException | IllegalArgumentException failed) {
        // Both carry the provider's own message, which never holds a value.
        providerFailures.putIfAbsent(provider.getKey(), failed.getMessage());
        return new Outcome(Status.BACKEND_ERROR, provider.getKey(), failed.getMessage());
      }
    }
    return new Outcome(
        Status.NOT_FOUND, "", "no provider has it (asked " + providers.keySet() + ")");
  }

  /**
   * Checks a provider that no declared secret reached: lists its secret names (never shown), which
   * needs it to be reachable and the credential to be accepted.
   */
  void reach(String type) {
    if (providerFailures.containsKey(type) || answered.contains(type)) {
      return;
    }
    try {
      providers.get(type).listSecrets();
    } catch (SecretBackendException | UnsupportedOperationException | IllegalArgumentException e) {
      providerFailures.put(type, String.valueOf(e.getMessage()));
    }
  }

  /** The provider's first failure, or {@code null} when it answered every question. */
  String failureOf(String type) {
    return providerFailures.get(type);
  }
}
