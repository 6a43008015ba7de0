package io.kailash.testing;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory provider that counts its calls and can be told to fail for a secret, for tests of
 * chains, tenants and the runtime.
 */
public final class MapSecretProvider implements SecretProvider {

  private final String name;
  private final Map<SecretRef, String> values = new ConcurrentHashMap<>();
  private final Map<String, SecretBackendException.Reason> failures = new ConcurrentHashMap<>();
  private final AtomicInteger singleReads = new AtomicInteger();
  private final List<List<SecretRef>> batches = new CopyOnWriteArrayList<>();

  public MapSecretProvider(String name) {
    this.name = name;
  }

  public MapSecretProvider with(String secret, String value) {
    return with(secret, "", value);
  }

  public MapSecretProvider with(String secret, String version, String value) {
    values.put(new SecretRef(secret, version), value);
    return this;
  }

  /** Every read of {@code secret} fails with {@code reason}. */
  public MapSecretProvider failing(String secret, SecretBackendException.Reason reason) {
    failures.put(secret, reason);
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String getSecret(String secret, String version) {
    singleReads.incrementAndGet();
    return read(new SecretRef(secret, version));
  }

  /** One call per batch, like a provider that can batch. */
  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    batches.add(List.copyOf(refs));
    Map<SecretRef, String> found = new LinkedHashMap<>();
    for (SecretRef ref : refs) {
      try {
        found.put(ref, read(ref));
      } catch (SecretNotFoundException absent) {
        // left out, as the contract says
      }
    }
    return found;
  }

  @Override
  public List<String> listSecrets() {
    TreeSet<String> names = new TreeSet<>();
    values.keySet().forEach(ref -> names.add(ref.name()));
    return List.copyOf(names);
  }

  public int singleReads() {
    return singleReads.get();
  }

  /** The refs of each {@link #getSecretValues} call, in order. */
  public List<List<SecretRef>> batches() {
    return new ArrayList<>(batches);
  }

  private String read(SecretRef ref) {
    SecretBackendException.Reason reason = failures.get(ref.name());
    if (reason != null) {
      throw new SecretBackendException(name, ref.name(), reason, "scripted failure");
    }
    String value = values.get(ref);
    if (value == null) {
      throw new SecretNotFoundException(ref, name, "");
    }
    return value;
  }
}
