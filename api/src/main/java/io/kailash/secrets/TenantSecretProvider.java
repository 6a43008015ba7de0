package io.kailash.secrets;

import io.kailash.secrets.audit.ResolutionTrace;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tenant's view of a provider: the secret {@code db-password} of tenant {@code acme} is read as
 * {@code acme/db-password} from the base provider, and the tenant sees only its own secrets.
 *
 * <p>Names that could leave the tenant's space ({@code ..} or {@code .} segments, a leading {@code
 * /}, empty segments, backslashes, control characters) are rejected with {@link
 * SecretBackendException.Reason#INVALID_REQUEST} before the base provider is asked.
 */
public final class TenantSecretProvider implements SecretProvider {

  private final SecretProvider base;
  private final String tenantId;
  private final String prefix;

  /**
   * @throws IllegalArgumentException if {@code tenantId} is not one safe path segment
   */
  public TenantSecretProvider(SecretProvider base, String tenantId) {
    this.base = Objects.requireNonNull(base, "base");
    String problem = SecretNames.problemWith(tenantId);
    if (problem == null && (tenantId.indexOf('/') >= 0 || tenantId.indexOf('#') >= 0)) {
      problem = "it contains '/' or '#'";
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "Invalid tenant id '"
              + SecretNames.printable(tenantId)
              + "': "
              + problem
              + ". A tenant id is a single segment of letters, digits, '-', '_' or '.', e.g."
              + " 'acme'.");
    }
    this.tenantId = tenantId;
    this.prefix = tenantId + "/";
  }

  @Override
  public String name() {
    return "tenant:" + tenantId;
  }

  @Override
  public List<String> providerNames() {
    return base.providerNames();
  }

  public String tenantId() {
    return tenantId;
  }

  @Override
  public String getSecret(String name, String version) {
    SecretRef ref = new SecretRef(name, version);
    SecretRef qualified = qualify(ref);
    try {
      String value = base.getSecret(qualified.name(), version);
      ResolutionTrace.alias(qualified, ref);
      return value;
    } catch (SecretNotFoundException absent) {
      String detail = "tenant " + tenantId + " reads it as '" + qualified.name() + "'";
      throw new SecretNotFoundException(
          List.of(ref),
          absent.providersTried(),
          absent.detail().isEmpty() ? detail : detail + "; " + absent.detail());
    }
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    Map<SecretRef, SecretRef> byQualified = new LinkedHashMap<>();
    for (SecretRef ref : refs) {
      byQualified.put(qualify(ref), ref);
    }
    Map<SecretRef, String> answered = base.getSecretValues(byQualified.keySet());
    Map<SecretRef, String> found = new LinkedHashMap<>();
    byQualified.forEach(
        (qualified, ref) -> {
          String value = answered.get(qualified);
          if (value != null) {
            found.put(ref, value);
            ResolutionTrace.alias(qualified, ref);
          }
        });
    return found;
  }

  /** The tenant's secrets, without the tenant prefix, sorted. */
  @Override
  public List<String> listSecrets() {
    return base.listSecrets().stream()
        .filter(name -> name.startsWith(prefix) && name.length() > prefix.length())
        .map(name -> name.substring(prefix.length()))
        .sorted()
        .toList();
  }

  @Override
  public String toString() {
    return "TenantSecretProvider[tenant=" + tenantId + ", base=" + base + "]";
  }

  private SecretRef qualify(SecretRef ref) {
    SecretNames.requireValid(ref.name(), name());
    return new SecretRef(prefix + ref.name(), ref.version());
  }
}
