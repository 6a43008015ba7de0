package io.kailash.secrets;

import io.kailash.secrets.audit.ResolutionTrace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks providers in order; the first that has a secret wins.
 *
 * <ul>
 *   <li>Not found: the next provider is asked. Absent everywhere: {@link SecretNotFoundException}
 *       naming every provider tried.
 *   <li>Transient failure (unavailable, timeout, throttled, 5xx): fails the read ({@link
 *       OnTransientFailure#FAIL}, the default) or asks the next provider ({@link
 *       OnTransientFailure#FALL_THROUGH}). If no later provider has the secret, the transient
 *       failure is reported, not "not found": the secret may well exist.
 *   <li>Any other failure, access denied above all, is reported at once with the provider's name: a
 *       denied Vault read must not be answered silently by a weaker provider.
 * </ul>
 *
 * <p>A batch ({@link #getSecretValues}) goes to each provider in one call, for the secrets still
 * missing. Which member served a secret is reported to {@link ResolutionTrace} for the audit.
 */
public final class ChainSecretProvider implements SecretProvider {

  /** What a transient backend failure of one member does to a read. */
  public enum OnTransientFailure {
    /** Report the failure. */
    FAIL,
    /** Ask the next provider; report the failure only if none has the secret. */
    FALL_THROUGH
  }

  private static final Logger LOG = LoggerFactory.getLogger(ChainSecretProvider.class);

  private final List<SecretProvider> providers;
  private final OnTransientFailure onTransientFailure;

  /** A chain that reports transient failures ({@link OnTransientFailure#FAIL}). */
  public ChainSecretProvider(List<SecretProvider> providers) {
    this(providers, OnTransientFailure.FAIL);
  }

  public ChainSecretProvider(
      List<SecretProvider> providers, OnTransientFailure onTransientFailure) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("A provider chain needs at least one provider");
    }
    this.providers = List.copyOf(providers);
    this.onTransientFailure = Objects.requireNonNull(onTransientFailure, "onTransientFailure");
  }

  @Override
  public String name() {
    return "chain";
  }

  /** The members' names, nested chains flattened, in order. */
  @Override
  public List<String> providerNames() {
    return providers.stream().flatMap(p -> p.providerNames().stream()).toList();
  }

  public List<SecretProvider> providers() {
    return providers;
  }

  @Override
  public String getSecret(String name, String version) {
    SecretNames.requireValid(name, name());
    SecretRef ref = new SecretRef(name, version);
    SecretBackendException deferred = null;
    List<String> details = new ArrayList<>();
    for (SecretProvider provider : providers) {
      try {
        String value = provider.getSecret(name, version);
        ResolutionTrace.servedBy(ref, provider.name());
        return value;
      } catch (SecretNotFoundException absent) {
        if (!absent.detail().isEmpty()) {
          details.add(provider.name() + ": " + absent.detail());
        }
      } catch (SecretBackendException failure) {
        deferred = fallThroughOrThrow(failure, deferred);
      }
    }
    if (deferred != null) {
      throw deferred;
    }
    throw new SecretNotFoundException(List.of(ref), providerNames(), String.join("; ", details));
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    List<SecretRef> missing = new ArrayList<>(new LinkedHashSet<>(refs));
    Map<SecretRef, String> found = new LinkedHashMap<>();
    SecretBackendException deferred = null;
    for (SecretProvider provider : providers) {
      if (missing.isEmpty()) {
        break;
      }
      try {
        Map<SecretRef, String> answered = provider.getSecretValues(List.copyOf(missing));
        for (SecretRef ref : missing) {
          String value = answered.get(ref);
          if (value != null) {
            found.put(ref, value);
            ResolutionTrace.servedBy(ref, provider.name());
          }
        }
        missing.removeIf(found::containsKey);
      } catch (SecretBackendException failure) {
        deferred = fallThroughOrThrow(failure, deferred);
      }
    }
    if (deferred != null && !missing.isEmpty()) {
      throw deferred;
    }
    return found;
  }

  /** The union of the members' listings, sorted; a member that cannot list fails the listing. */
  @Override
  public List<String> listSecrets() {
    TreeSet<String> names = new TreeSet<>();
    providers.forEach(provider -> names.addAll(provider.listSecrets()));
    return List.copyOf(names);
  }

  @Override
  public String toString() {
    return "ChainSecretProvider"
        + providerNames()
        + "[onTransientFailure="
        + onTransientFailure
        + "]";
  }

  /**
   * @return the failure to report if no later provider has the secret
   * @throws SecretBackendException {@code failure}, unless it may fall through
   */
  private SecretBackendException fallThroughOrThrow(
      SecretBackendException failure, SecretBackendException earlier) {
    if (!failure.isTransient() || onTransientFailure == OnTransientFailure.FAIL) {
      if (earlier != null) {
        failure.addSuppressed(earlier);
      }
      throw failure;
    }
    LOG.warn("{}; asking the next provider in the chain", failure.getMessage());
    if (earlier == null) {
      return failure;
    }
    earlier.addSuppressed(failure);
    return earlier;
  }
}
