package io.kailash.secrets;

import java.util.Objects;

/**
 * A secret requirement as a value: the programmatic twin of {@link SecretRequirement}.
 *
 * @param name the secret's name in the provider
 * @param parameter the run parameter it fills
 * @param optional whether the secret may be absent
 * @param version the version to read; empty means the current one
 */
public record SecretRequest(String name, String parameter, boolean optional, String version) {

  public SecretRequest {
    Objects.requireNonNull(name, "secret name");
    Objects.requireNonNull(parameter, "parameter");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A secret requirement needs a non-blank secret name");
    }
    if (parameter.isBlank()) {
      throw new IllegalArgumentException(
          "The requirement for secret '" + name + "' needs a non-blank parameter name");
    }
    version = version == null ? "" : version;
  }

  public static SecretRequest required(String name, String parameter) {
    return new SecretRequest(name, parameter, false, "");
  }

  public static SecretRequest optional(String name, String parameter) {
    return new SecretRequest(name, parameter, true, "");
  }

  public static SecretRequest from(SecretRequirement annotation) {
    return new SecretRequest(
        annotation.name(), annotation.parameter(), annotation.optional(), annotation.version());
  }

  public SecretRequest withVersion(String newVersion) {
    return new SecretRequest(name, parameter, optional, newVersion);
  }

  // equals, hashCode and toString by hand: a record's generated ones bootstrap through
  // ObjectMethods on first use, some 20 ms of method-handle spinning on the agent's first node
  // call (issue 16).
  @Override
  public boolean equals(Object other) {
    return other instanceof SecretRequest request
        && optional == request.optional
        && name.equals(request.name)
        && parameter.equals(request.parameter)
        && version.equals(request.version);
  }

  @Override
  public int hashCode() {
    return ((name.hashCode() * 31 + parameter.hashCode()) * 31 + Boolean.hashCode(optional)) * 31
        + version.hashCode();
  }

  @Override
  public String toString() {
    return "SecretRequest[name="
        + name
        + ", parameter="
        + parameter
        + ", optional="
        + optional
        + ", version="
        + version
        + "]";
  }

  /** The secret this request reads, without the parameter it fills. */
  public SecretRef ref() {
    return new SecretRef(name, version);
  }
}
