package io.kailash.runtime;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.secrets.audit.SecretAccessRecord.Outcome;
import io.kailash.secrets.internal.SecretRequests;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secrets of one run, fetched with a single {@link SecretProvider#getSecretValues} call for
 * every node before the first node runs, then handed to each node at its turn. Two nodes needing
 * the same secret cost one fetch, and batching providers get the whole run's secrets in one batch.
 */
final class PrefetchedSecrets {

  private final SecretProvider provider;
  private final Map<SecretRef, String> values;
  private final ResolutionTrace trace;
  private final RunAudit audit;

  private PrefetchedSecrets(
      SecretProvider provider,
      Map<SecretRef, String> values,
      ResolutionTrace trace,
      RunAudit audit) {
    this.provider = provider;
    this.values = values;
    this.trace = trace;
    this.audit = audit;
  }

  /**
   * Fetches the secrets of every node at once. An absent secret is not an error yet: it fails the
   * node that requires it, when that node's turn comes.
   *
   * @throws SecretBackendException if the backend cannot answer; the records of the nodes that
   *     needed the failed secret are written first
   */
  static PrefetchedSecrets fetch(
      SecretProvider provider, List<NodeRequirements> nodes, RunAudit audit) {
    Set<SecretRef> refs = new LinkedHashSet<>();
    nodes.forEach(node -> node.requests().forEach(request -> refs.add(request.ref())));
    try (ResolutionTrace trace = ResolutionTrace.open()) {
      try {
        return new PrefetchedSecrets(provider, provider.getSecretValues(refs), trace, audit);
      } catch (SecretBackendException failure) {
        for (NodeRequirements node : affectedBy(failure, nodes)) {
          for (SecretRequest request : node.requests()) {
            audit.record(node, request, failure.provider(), Outcome.FAILED, CacheStatus.NONE);
          }
        }
        throw failure;
      }
    }
  }

  /**
   * The nodes that need the secret the backend failed on; all nodes with secrets if the failure
   * names no secret (or a name only the backend knows, such as a tenant's full path).
   */
  static List<NodeRequirements> affectedBy(
      SecretBackendException failure, List<NodeRequirements> nodes) {
    List<NodeRequirements> affected = new ArrayList<>();
    List<NodeRequirements> withSecrets = new ArrayList<>();
    for (NodeRequirements node : nodes) {
      if (!node.isEmpty()) {
        withSecrets.add(node);
      }
      if (node.requests().stream().anyMatch(r -> r.name().equals(failure.secretName()))) {
        affected.add(node);
      }
    }
    return affected.isEmpty() ? withSecrets : affected;
  }

  /**
   * The node's secrets, by parameter; writes one audit record per requirement.
   *
   * @throws SecretNotFoundException naming every required secret of the node that is absent
   */
  Map<String, String> forNode(NodeRequirements node) {
    for (SecretRequest request : node.requests()) {
      SecretRef ref = request.ref();
      boolean found = values.get(ref) != null;
      Outcome outcome =
          found
              ? Outcome.RESOLVED
              : request.optional() ? Outcome.ABSENT_OPTIONAL : Outcome.NOT_FOUND;
      String servedBy = found ? trace.providerOf(ref) : "";
      audit.record(
          node,
          request,
          found && servedBy.isEmpty() ? provider.name() : servedBy,
          outcome,
          trace.cacheStatusOf(ref));
    }
    return SecretRequests.toParameters(node.requests(), values, provider.providerNames());
  }
}
