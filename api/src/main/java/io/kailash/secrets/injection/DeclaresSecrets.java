package io.kailash.secrets.injection;

import io.kailash.secrets.internal.NodeSecretRequirements;
import java.util.Set;

/**
 * Whether a node class declares secrets, for {@link AgentHandoff}'s first check and its guard: by
 * {@code @SecretRequirement} on it or a superclass, or because the agent's configuration names it
 * or a superclass ({@code requirements.<class>}). Which secrets is for the agent to derive.
 */
final class DeclaresSecrets {

  /** The agent's configured class names this answer was computed with. */
  final String configuredClasses;

  /** Whether it declares any secret; true too when its annotations are invalid. */
  final boolean any;

  /** Why the class's annotations are invalid, or {@code null}. */
  final String invalid;

  private DeclaresSecrets(String configuredClasses, boolean any, String invalid) {
    this.configuredClasses = configuredClasses;
    this.any = any;
    this.invalid = invalid;
  }

  /**
   * @param agentAnswer the agent's answer from the class files it read: 1 declares (also invalidly,
   *     which its resolution reports), 0 declares none, -1 does not know (no agent, an agent
   *     without the answer, or a class it never saw): then the annotations are read here
   */
  static DeclaresSecrets of(Class<?> type, String configuredClasses, int agentAnswer) {
    if (agentAnswer == 1) {
      return new DeclaresSecrets(configuredClasses, true, null);
    }
    if (agentAnswer == 0) {
      // The agent merged its configured requirements into that answer; the names are checked here
      // too, so that the answer stays right in a loader whose bridge answers only for annotations.
      return new DeclaresSecrets(configuredClasses, isConfigured(type, configuredClasses), null);
    }
    try {
      if (!NodeSecretRequirements.of(type).isEmpty()) {
        return new DeclaresSecrets(configuredClasses, true, null);
      }
    } catch (IllegalStateException invalidDeclaration) {
      return new DeclaresSecrets(configuredClasses, true, invalidDeclaration.getMessage());
    }
    return new DeclaresSecrets(configuredClasses, isConfigured(type, configuredClasses), null);
  }

  private static boolean isConfigured(Class<?> type, String configuredClasses) {
    if (configuredClasses.isEmpty()) {
      return false;
    }
    Set<String> names = Set.of(configuredClasses.split(","));
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (names.contains(c.getName())) {
        return true;
      }
    }
    return false;
  }
}
