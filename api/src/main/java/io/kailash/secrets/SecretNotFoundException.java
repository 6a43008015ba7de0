package io.kailash.secrets;

import java.util.List;

/**
 * One or more secrets are absent from every provider asked.
 *
 * <p>Carries the names and versions that were missing and the providers that were tried, never a
 * value. "Absent" is the only failure an optional secret tolerates; a backend that cannot answer
 * raises {@link SecretBackendException} instead.
 */
public class SecretNotFoundException extends SecretProviderException {
  private static final long serialVersionUID = 1L;

  private final List<SecretRef> missing;
  private final List<String> providersTried;
  private final String detail;

  /**
   * @param missing the secrets not found, at least one
   * @param providersTried the names of the providers asked, in order
   * @param detail why, when a provider knows more (e.g. "version 3 was destroyed"); may be empty
   */
  public SecretNotFoundException(
      List<SecretRef> missing, List<String> providersTried, String detail) {
    super(message(missing, providersTried, detail), null);
    if (missing.isEmpty()) {
      throw new IllegalArgumentException(
          "SecretNotFoundException needs at least one missing secret");
    }
    this.missing = List.copyOf(missing);
    this.providersTried = List.copyOf(providersTried);
    this.detail = detail == null ? "" : detail;
  }

  public SecretNotFoundException(SecretRef missing, String provider, String detail) {
    this(List.of(missing), List.of(provider), detail);
  }

  /**
   * The current version of {@code secretName} is absent: the form for a provider's own {@code
   * getSecret}. Chains and the runtime add the names of the providers they asked.
   */
  public SecretNotFoundException(String secretName) {
    this(List.of(new SecretRef(secretName, "")), List.of(), "");
  }

  public SecretNotFoundException(String secretName, String version, List<String> providersTried) {
    this(List.of(new SecretRef(secretName, version)), providersTried, "");
  }

  /** The name of the (first) missing secret. */
  public String secretName() {
    return missing.get(0).name();
  }

  /** The version asked for of the (first) missing secret; empty for the current one. */
  public String version() {
    return missing.get(0).version();
  }

  public List<SecretRef> missing() {
    return missing;
  }

  public List<String> providersTried() {
    return providersTried;
  }

  public String detail() {
    return detail;
  }

  /** The same secrets, reported as missing from a longer list of providers (used by chains). */
  public SecretNotFoundException withProvidersTried(List<String> providers) {
    return new SecretNotFoundException(missing, providers, detail);
  }

  /** How every provider reads a version, for messages about a missing version. */
  static final String VERSION_FORMS =
      " Versions: 'v2' (or '2') is Vault KV version 2, the AWS staging label 'v2' and the"
          + " environment variable suffix __V2; AWS also takes a label such as AWSPREVIOUS or a"
          + " version id (a UUID, or id:<id>); see docs/configuration.md, Versions.";

  private static String message(List<SecretRef> missing, List<String> providers, String detail) {
    // Loops, not streams: an absent optional secret builds this on a node's first call.
    StringBuilder quoted = new StringBuilder();
    boolean versioned = false;
    for (SecretRef ref : missing) {
      quoted.append(quoted.length() == 0 ? "'" : ", '").append(ref).append('\'');
      versioned |= !ref.isCurrent();
    }
    String names = quoted.toString();
    String what = missing.size() == 1 ? "Secret " + names + " was" : "Secrets " + names + " were";
    String where = providers.isEmpty() ? "" : "; providers tried: " + String.join(", ", providers);
    String why = detail == null || detail.isEmpty() ? "" : " (" + detail + ")";
    return what
        + " not found"
        + where
        + why
        + (providers.isEmpty() ? ". Store the secret" : ". Store the secret in one of them")
        + ", or declare it optional."
        + (versioned ? VERSION_FORMS : "");
  }
}
