package io.kailash.secrets.agent.internal.check;

import java.util.List;

/**
 * What {@code check} found: configuration problems, each provider's state, and each node class's
 * secrets. Holds names and messages only, never a secret value.
 *
 * @param configured each {@code requirements.<class>} key as {@code class = requirements}
 * @param notes what is worth a look but fails nothing (a configured class not in the scan)
 */
record CheckResult(
    String configFile,
    List<String> configProblems,
    List<ProviderState> providers,
    List<NodeReport> nodes,
    String policy,
    List<String> configured,
    List<String> notes) {

  /**
   * A provider of the chain, by its name in {@code providers} and its type (the same for a provider
   * named after its type): {@code ok}, or its first failure.
   */
  record ProviderState(String name, String type, String failure) {
    boolean ok() {
      return failure == null;
    }
  }

  record NodeReport(String nodeClass, List<SecretReport> secrets) {}

  /**
   * One requirement of a node class.
   *
   * @param provider the provider that answers it, or empty
   * @param detail why it does not resolve, or empty
   * @param allowed the secret policy's verdict
   */
  record SecretReport(
      String name,
      String parameter,
      boolean optional,
      String version,
      SecretProbe.Status status,
      String provider,
      String detail,
      boolean allowed) {

    /**
     * Whether this requirement would fail its node. A refused one does even when optional: the
     * agent refuses the node's whole plan before any backend call.
     */
    boolean fails() {
      if (!allowed) {
        return true;
      }
      return switch (status) {
        case RESOLVES -> false;
        case NOT_FOUND -> !optional;
        case BACKEND_ERROR, NOT_CHECKED -> true;
      };
    }
  }

  /** 0 when everything required resolves and is allowed, 1 otherwise. */
  int exitCode() {
    boolean failing =
        !configProblems.isEmpty()
            || providers.stream().anyMatch(provider -> !provider.ok())
            || nodes.stream()
                .flatMap(node -> node.secrets().stream())
                .anyMatch(SecretReport::fails);
    return failing ? 1 : 0;
  }
}
