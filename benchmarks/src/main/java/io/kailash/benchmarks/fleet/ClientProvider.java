package io.kailash.benchmarks.fleet;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client's own provider instance in front of the shared backend (or its host's sidecar): reads
 * a set of secrets with one batch request, or one request per secret.
 */
final class ClientProvider implements SecretProvider {

  private final SecretProvider upstream;
  private final boolean batching;

  ClientProvider(SecretProvider upstream, boolean batching) {
    this.upstream = upstream;
    this.batching = batching;
  }

  @Override
  public String name() {
    return "client";
  }

  @Override
  public String getSecret(String name, String version) {
    return upstream.getSecret(name, version);
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    if (batching) {
      return upstream.getSecretValues(refs);
    }
    Map<SecretRef, String> values = new LinkedHashMap<>();
    for (SecretRef ref : refs) {
      values.put(ref, upstream.getSecret(ref.name(), ref.version()));
    }
    return values;
  }

  @Override
  public List<String> listSecrets() {
    return List.of();
  }
}
