package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads secrets from a HashiCorp Vault (or OpenBao) KV secrets engine, version 1 or 2.
 *
 * <p>A secret name is a path in the mount, optionally with a field: {@code db/creds#password} is
 * the field {@code password} of the secret {@code db/creds}. Without a field, a secret with one
 * field yields it, else its field {@code value}. A version (KV 2 only) is a number. Names are
 * checked before any request; nothing connects until the first read. Build one with {@link
 * #builder()}.
 */
public final class VaultSecretProvider implements SecretProvider {

  private final String name;
  private final VaultEndpoint endpoint;
  private final String mount;
  private final KvVersion configuredVersion;
  private final VaultAuth auth;
  private final KvEngine engine;
  private final BatchReader batch;

  VaultSecretProvider(
      String name,
      VaultEndpoint endpoint,
      String mount,
      KvVersion configuredVersion,
      VaultAuth auth,
      VaultClient client,
      int maxConcurrency) {
    this.name = name;
    this.endpoint = endpoint;
    this.mount = mount;
    this.configuredVersion = configuredVersion;
    this.auth = auth;
    this.engine = new KvEngine(client, mount, configuredVersion);
    this.batch = new BatchReader(maxConcurrency, name);
  }

  public static VaultSecretProviderBuilder builder() {
    return new VaultSecretProviderBuilder();
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * @throws SecretNotFoundException if the secret, its field or the version is absent, deleted or
   *     destroyed
   * @throws SecretBackendException if Vault cannot answer, denies access, or the name or version is
   *     invalid (INVALID_REQUEST, before any request)
   */
  @Override
  public String getSecret(String secretName, String version) {
    SecretRef ref = new SecretRef(secretName, version);
    SecretLocation location = SecretLocation.parse(secretName, name);
    return SecretFieldSelector.select(engine.read(location, ref), location.field(), ref, name);
  }

  @Override
  public List<String> listSecrets() {
    return engine.listAll();
  }

  /**
   * Reads the secrets concurrently (at most the configured concurrency at a time). Every name and
   * version is checked before the first request.
   */
  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    List<SecretRef> distinct = new ArrayList<>(new LinkedHashSet<>(refs));
    for (SecretRef ref : distinct) {
      SecretLocation.parse(ref.name(), name); // an invalid name fails the batch before any read
    }
    return batch.readAll(distinct, ref -> getSecret(ref.name(), ref.version()));
  }

  /** The KV version of the mount; detected with a request on the first call. */
  public KvVersion kvVersion() {
    return engine.version(null);
  }

  @Override
  public String toString() {
    return "VaultSecretProvider[name="
        + name
        + ", url="
        + endpoint.baseUri()
        + ", mount="
        + mount
        + ", kv-version="
        + configuredVersion
        + (endpoint.namespace() == null ? "" : ", namespace=" + endpoint.namespace())
        + ", auth="
        + auth
        + "]";
  }
}
