package io.kailash.secrets;

import io.kailash.secrets.internal.AbsenceNotes;
import io.kailash.secrets.internal.SecretRequests;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A source of secret values: environment variables, Vault, AWS Secrets Manager, or a chain, tenant
 * view or cache in front of those.
 *
 * <p>Every method reports an absent secret with {@link SecretNotFoundException} and a backend that
 * cannot answer with {@link SecretBackendException}. Implementations are thread safe and never put
 * a value into a message, a log line or {@code toString}.
 */
public interface SecretProvider {

  /**
   * A short name for messages and audit records, e.g. {@code env} or {@code vault}. The default is
   * the class's simple name without a {@code SecretProvider} or {@code Provider} suffix, in lower
   * case ({@code GcpSecretManagerProvider} → {@code gcpsecretmanager}); under the agent, the name
   * the configuration gives the provider is used instead.
   */
  default String name() {
    String simple = getClass().getSimpleName();
    for (String suffix : new String[] {"SecretProvider", "Provider"}) {
      if (simple.endsWith(suffix) && simple.length() > suffix.length()) {
        simple = simple.substring(0, simple.length() - suffix.length());
        break;
      }
    }
    return simple.isEmpty() ? getClass().getName() : simple.toLowerCase(java.util.Locale.ROOT);
  }

  /** The names of the providers this one asks, in order; itself for a single provider. */
  default List<String> providerNames() {
    return List.of(name());
  }

  /** The current value of a secret. */
  default String getSecret(String name) {
    return getSecret(name, "");
  }

  /**
   * A secret's value.
   *
   * @param version the version to read; {@code null} or empty means the current one
   * @throws SecretNotFoundException if the secret or that version does not exist
   * @throws SecretBackendException if the backend cannot answer
   */
  String getSecret(String name, String version);

  /** The names of the secrets this provider can read, sorted. */
  List<String> listSecrets();

  /**
   * Reads many secrets at once. Providers that can batch (AWS BatchGetSecretValue, concurrent Vault
   * reads, caches) override this; the default reads them one after another.
   *
   * @return the value of every secret found; absent secrets have no entry
   * @throws SecretBackendException if the backend cannot answer for any of them
   */
  default Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    Map<SecretRef, String> found = new LinkedHashMap<>();
    for (SecretRef ref : new LinkedHashSet<>(refs)) {
      try {
        found.put(ref, getSecret(ref.name(), ref.version()));
      } catch (SecretNotFoundException absent) {
        // Absent secrets are left out; the caller decides whether that matters. Why it is absent
        // (which variable, which path) is kept for the not-found message.
        AbsenceNotes.note(ref, name(), absent.detail());
      }
    }
    return found;
  }

  /**
   * Resolves requirements to run parameters.
   *
   * @return parameter name to value, in the order of the requirements; missing optional secrets
   *     have no entry
   * @throws SecretNotFoundException naming every missing required secret at once
   * @throws SecretBackendException if the backend cannot answer, even for an optional secret
   * @throws IllegalArgumentException if two requirements fill the same parameter
   */
  default Map<String, String> getSecrets(Collection<SecretRequest> requirements) {
    Set<String> parameters = new LinkedHashSet<>();
    Set<SecretRef> refs = new LinkedHashSet<>();
    for (SecretRequest request : requirements) {
      if (!parameters.add(request.parameter())) {
        throw new IllegalArgumentException(
            "Two secret requirements fill the parameter '" + request.parameter() + "'");
      }
      refs.add(request.ref());
    }
    return SecretRequests.toParameters(requirements, getSecretValues(refs), providerNames());
  }
}
