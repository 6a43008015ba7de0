package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A provider named "memory" over a map, that records reads and can be made to fail. */
final class MemoryProvider implements SecretProvider {

  final Map<String, String> store = new HashMap<>();
  final List<String> reads = new ArrayList<>();

  /** When set, every read fails with this reason. */
  SecretBackendException.Reason failure;

  MemoryProvider(Map<String, String> values) {
    store.putAll(values);
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public String getSecret(String name, String version) {
    reads.add(name);
    if (failure != null) {
      throw new SecretBackendException("memory", name, failure, "the backend did not answer");
    }
    String value = store.get(name);
    if (value == null) {
      throw new SecretNotFoundException(SecretRef.current(name), "memory", "");
    }
    return value;
  }

  @Override
  public List<String> listSecrets() {
    return List.copyOf(store.keySet());
  }
}
