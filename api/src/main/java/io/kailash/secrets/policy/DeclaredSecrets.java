package io.kailash.secrets.policy;

import io.kailash.secrets.SecretRequirement;

/** Whether a class itself declares a secret with {@link SecretRequirement}. */
final class DeclaredSecrets {

  private DeclaredSecrets() {}

  static boolean declares(Class<?> type, String declaredName) {
    for (SecretRequirement requirement :
        type.getDeclaredAnnotationsByType(SecretRequirement.class)) {
      if (requirement.name().equals(declaredName)) {
        return true;
      }
    }
    return false;
  }
}
