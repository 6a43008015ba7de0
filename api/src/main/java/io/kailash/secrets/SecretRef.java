package io.kailash.secrets;

import java.util.Objects;

/**
 * The coordinates of one secret value in a provider: its name and version.
 *
 * <p>An empty version means the current one; {@code null} is normalised to empty so that two refs
 * to the current value are equal. Used as a cache and batch key; it never holds a value.
 */
public record SecretRef(String name, String version) {

  public SecretRef {
    Objects.requireNonNull(name, "secret name");
    version = version == null ? "" : version;
  }

  public static SecretRef current(String name) {
    return new SecretRef(name, "");
  }

  public boolean isCurrent() {
    return version.isEmpty();
  }

  // equals and hashCode by hand: a record's generated ones bootstrap through ObjectMethods on
  // first use, some 20 ms of method-handle spinning on the agent's first node call (issue 16).
  @Override
  public boolean equals(Object other) {
    return other instanceof SecretRef ref && name.equals(ref.name) && version.equals(ref.version);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + version.hashCode();
  }

  /** {@code name} for the current version, {@code name@version} otherwise. */
  @Override
  public String toString() {
    return isCurrent() ? name : name + "@" + version;
  }
}
