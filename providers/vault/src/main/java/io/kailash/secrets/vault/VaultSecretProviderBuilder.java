package io.kailash.secrets.vault;

import io.kailash.secrets.resilience.TimeSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link VaultSecretProvider}. Only {@link #url} and {@link #auth} are required; {@link
 * #build()} does no I/O.
 */
public final class VaultSecretProviderBuilder {

  private String name = "vault";
  private URI url;
  private String mount = "secret";
  private KvVersion kvVersion = KvVersion.AUTO;
  private String namespace;
  private VaultAuth auth;
  private Path caCert;
  private Duration timeout = Duration.ofSeconds(5);
  private TimeSource timeSource = TimeSource.system();
  private int maxConcurrency = 8;

  VaultSecretProviderBuilder() {}

  /** The provider's name in messages and audit records; {@code vault} by default. */
  public VaultSecretProviderBuilder name(String newName) {
    this.name = VaultAuth.require(newName, "provider name");
    return this;
  }

  /**
   * Vault's address, e.g. {@code https://vault.example.com:8200}.
   *
   * @throws IllegalArgumentException unless it is an http(s) URL with a host and no query
   */
  public VaultSecretProviderBuilder url(String newUrl) {
    this.url = baseUri(newUrl);
    return this;
  }

  /**
   * The KV mount path; {@code secret} by default.
   *
   * @throws IllegalArgumentException for empty, {@code .} or {@code ..} segments
   */
  public VaultSecretProviderBuilder mount(String newMount) {
    this.mount = KvPaths.normalizeMount(newMount, "Vault mount path");
    return this;
  }

  /**
   * The KV version: {@link KvVersion#AUTO} (default) detects it; 1 or 2 are detected too but used
   * when the token may not read the mount's description.
   */
  public VaultSecretProviderBuilder kvVersion(KvVersion newVersion) {
    this.kvVersion = Objects.requireNonNull(newVersion, "kvVersion");
    return this;
  }

  /**
   * The namespace (Vault Enterprise, OpenBao), sent as {@code X-Vault-Namespace}; none by default.
   */
  public VaultSecretProviderBuilder namespace(String newNamespace) {
    this.namespace =
        newNamespace == null || newNamespace.isBlank()
            ? null
            : KvPaths.normalizeMount(newNamespace, "Vault namespace");
    return this;
  }

  public VaultSecretProviderBuilder auth(VaultAuth newAuth) {
    this.auth = Objects.requireNonNull(newAuth, "auth");
    return this;
  }

  /** Shorthand for {@code auth(VaultAuth.token(token))}. */
  public VaultSecretProviderBuilder token(String token) {
    return auth(VaultAuth.token(token));
  }

  /** A PEM file with the CA certificates to trust instead of the JVM's; read on first use. */
  public VaultSecretProviderBuilder caCert(Path pemFile) {
    this.caCert = pemFile;
    return this;
  }

  /**
   * The limit for one whole exchange with Vault (connecting, the response headers and the body); 5
   * s by default.
   */
  public VaultSecretProviderBuilder timeout(Duration newTimeout) {
    if (newTimeout.isNegative() || newTimeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + newTimeout);
    }
    this.timeout = newTimeout;
    return this;
  }

  /** The clock for token leases. */
  public VaultSecretProviderBuilder timeSource(TimeSource newTime) {
    this.timeSource = Objects.requireNonNull(newTime, "timeSource");
    return this;
  }

  /** How many reads of one batch run at once; 8 by default. */
  public VaultSecretProviderBuilder maxConcurrency(int newMax) {
    if (newMax < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + newMax);
    }
    this.maxConcurrency = newMax;
    return this;
  }

  /**
   * @throws IllegalStateException if the URL or the auth method is missing
   */
  public VaultSecretProvider build() {
    if (url == null) {
      throw new IllegalStateException("The Vault URL is not set, e.g. https://vault:8200");
    }
    if (auth == null) {
      throw new IllegalStateException("The Vault auth method is not set (token, approle, ...)");
    }
    VaultEndpoint endpoint = new VaultEndpoint(url, namespace, timeout, caCert, name);
    VaultHttp http = new VaultHttp(endpoint, auth.clientKeyStore());
    VaultClient client = new VaultClient(http, new TokenSession(auth, http, timeSource));
    return new VaultSecretProvider(name, endpoint, mount, kvVersion, auth, client, maxConcurrency);
  }

  private static URI baseUri(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("The Vault URL is empty; set it, e.g. https://vault:8200");
    }
    URI uri;
    try {
      uri = URI.create(text.trim().replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The Vault URL '" + text + "' is not a valid URL", e);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "The Vault URL must not carry user info (credentials); configure auth instead");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null
        || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "The Vault URL '"
              + text
              + "' must be http:// or https:// with a host and no query, e.g."
              + " https://vault:8200");
    }
    return uri;
  }
}
