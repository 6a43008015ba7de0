package io.kailash.secrets.vault;

import static io.kailash.secrets.config.SettingsSupport.checked;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ConfigKey;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link VaultSecretProvider} from the {@code vault.*} keys. Values arrive with their
 * {@code ${env:...}}/{@code ${file:...}} references resolved; nothing connects until the first
 * read. Where {@code url}, {@code token}, {@code ca-cert} or {@code namespace} is absent, the Vault
 * CLI's variables are used ({@link VaultEnvironment}); an explicit key always wins.
 */
public final class VaultProviderFactory implements SecretProviderFactory {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.noDefault(
              "url", "(required with `vault`) Vault's address, e.g. `https://vault:8200`"),
          ConfigKey.of("mount", "secret", "the KV secrets engine's mount"),
          ConfigKey.of(
              "kv-version",
              "auto",
              "`1`, `2` or `auto` (detected per mount from `sys/internal/ui/mounts/<mount>`)"),
          ConfigKey.noDefault("namespace", "the Vault Enterprise namespace (`X-Vault-Namespace`)"),
          ConfigKey.noDefault(
              "auth",
              "`token`, `approle`, `kubernetes`, `jwt`, `cert` or `aws-iam`; none: `token` when"
                  + " a token is found (`vault.token`, `VAULT_TOKEN`, `~/.vault-token`), otherwise"
                  + " a configuration error"),
          ConfigKey.noDefault("token", "the token for `auth = token`"),
          ConfigKey.noDefault("approle.role-id", "the AppRole role id"),
          ConfigKey.noDefault("approle.secret-id", "the AppRole secret id"),
          ConfigKey.of("approle.mount", "approle", "the AppRole auth mount"),
          ConfigKey.noDefault("kubernetes.role", "(required with `auth = kubernetes`) the role"),
          ConfigKey.of(
              "kubernetes.jwt-path",
              VaultAuth.DEFAULT_KUBERNETES_JWT_FILE,
              "the service account token file"),
          ConfigKey.of("kubernetes.mount", "kubernetes", "the Kubernetes auth mount"),
          ConfigKey.noDefault("jwt.role", "(required with `auth = jwt`) the role"),
          ConfigKey.noDefault(
              "jwt.file",
              "(required with `auth = jwt`) the JWT file (a projected service account token, a CI"
                  + " OIDC token), read again at each login"),
          ConfigKey.of("jwt.mount", "jwt", "the JWT/OIDC auth mount"),
          ConfigKey.noDefault(
              "cert.key-store",
              "(required with `auth = cert`) the PKCS#12 key store with the client certificate,"
                  + " presented on every connection to Vault"),
          ConfigKey.noDefault("cert.key-store-password", "the key store's password"),
          ConfigKey.noDefault("cert.name", "the certificate role; none: any matching role"),
          ConfigKey.of("cert.mount", "cert", "the TLS certificate auth mount"),
          ConfigKey.noDefault(
              "aws.role", "the role for `auth = aws-iam`; none: the principal's name"),
          ConfigKey.of("aws.mount", "aws", "the AWS auth mount"),
          ConfigKey.of(
              "aws.region",
              "us-east-1",
              "the region of the signed `sts:GetCallerIdentity` request"),
          ConfigKey.noDefault("aws.sts-endpoint", "the STS endpoint; none: the region's"),
          ConfigKey.noDefault(
              "aws.server-id", "the `X-Vault-AWS-IAM-Server-ID` header, if the mount requires one"),
          ConfigKey.noDefault(
              "ca-cert", "a PEM file of the CA certificates to trust; none: the JVM's trust store"),
          ConfigKey.of(
              "timeout",
              "5s",
              "one whole exchange with Vault: connecting, the response headers and the body (a"
                  + " server that stalls mid-body is cut off too)"),
          ConfigKey.of("max-concurrency", "8", "parallel reads of one batch (at least 1)"),
          ConfigKey.of(
              "agent",
              "false",
              "`true`: talk to a local Vault Agent or Vault Proxy with auto-auth"
                  + " (`use_auto_auth_token = true`): no token is sent, every request carries"
                  + " `X-Vault-Request: true`; `vault.url` is the agent's listener. `vault.auth`,"
                  + " `vault.token` and AppRole keys are refused with it"));

  private final VaultEnvironment environment;

  public VaultProviderFactory() {
    this(VaultEnvironment.system());
  }

  VaultProviderFactory(VaultEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public String type() {
    return "vault";
  }

  @Override
  public List<ConfigKey> describedKeys() {
    return KEYS;
  }

  /** The role id is not a password, but together with a leaked secret id it is a login: mask it. */
  @Override
  public Set<String> credentialKeys() {
    return Set.of("token", "approle.secret-id", "approle.role-id", "cert.key-store-password");
  }

  @Override
  public SecretProvider create(ProviderSettings settings) {
    VaultSecretProviderBuilder builder = VaultSecretProvider.builder().name(settings.prefix());
    VaultEnvironment cli = cliEnvironmentFor(settings);
    checked(settings, "url", () -> builder.url(url(settings, cli)));
    checked(settings, "mount", () -> builder.mount(settings.string("mount", "secret")));
    checked(
        settings,
        "kv-version",
        () -> builder.kvVersion(KvVersion.parse(settings.string("kv-version", "auto"))));
    checked(
        settings,
        "namespace",
        () ->
            builder.namespace(
                settings.get("namespace").or(() -> cli.get("VAULT_NAMESPACE")).orElse(null)));
    checked(settings, "auth", () -> builder.auth(auth(settings, cli)));
    builder.timeout(positive(settings, "timeout", DEFAULT_TIMEOUT));
    builder.maxConcurrency(atLeastOne(settings, "max-concurrency", 8));
    settings.path("ca-cert").ifPresent(file -> builder.caCert(readable(settings, file)));
    if (settings.get("ca-cert").isEmpty()) {
      cli.get("VAULT_CACERT").map(Path::of).ifPresent(file -> builder.caCert(fromEnv(file)));
    }
    return builder.build();
  }

  /**
   * The Vault CLI's variables ({@code VAULT_ADDR}, {@code VAULT_TOKEN}, ~/.vault-token ...) stand
   * in for the keys of the provider named {@code vault} only: with two Vault instances ({@code
   * vault-prod}, {@code vault-shared}) one token in the environment would be sent to both servers.
   */
  private VaultEnvironment cliEnvironmentFor(ProviderSettings settings) {
    return settings.prefix().equals(type())
        ? environment
        : new VaultEnvironment(java.util.Map.of(), null);
  }

  @Override
  public Optional<Duration> exchangeTimeout(ProviderSettings settings) {
    return Optional.of(positive(settings, "timeout", DEFAULT_TIMEOUT));
  }

  /** Builds an auth from credentials; a refused credential is reported under {@code key}. */
  private static VaultAuth credential(
      ProviderSettings settings, String key, java.util.function.Supplier<VaultAuth> auth) {
    try {
      return auth.get();
    } catch (IllegalArgumentException refused) {
      // The message names the credential and the problem, never the value (Credentials).
      throw new SecretsConfigurationException(
          "Invalid value for key '" + settings.fullKey(key) + "': " + refused.getMessage());
    }
  }

  private static String url(ProviderSettings settings, VaultEnvironment environment) {
    return settings
        .get("url")
        .or(() -> environment.get("VAULT_ADDR"))
        .orElseThrow(
            () ->
                new SecretsConfigurationException(
                    "Missing required key '"
                        + settings.fullKey("url")
                        + "' for provider '"
                        + settings.prefix()
                        + (settings.prefix().equals("vault")
                            ? "' (or the environment variable VAULT_ADDR)"
                            : "'")
                        + ", e.g. https://vault:8200."));
  }

  private static Path fromEnv(Path file) {
    if (!Files.isReadable(file)) {
      throw new SecretsConfigurationException(
          "The file "
              + file
              + " of the environment variable VAULT_CACERT cannot be read; fix it, or set"
              + " vault.ca-cert.");
    }
    return file;
  }

  private static VaultAuth auth(ProviderSettings settings, VaultEnvironment environment) {
    if (settings.bool("agent", false)) {
      return agentAuth(settings);
    }
    boolean tokenGiven = settings.get("token").isPresent();
    // Without auth and token keys, a token from VAULT_TOKEN or ~/.vault-token means auth=token.
    String method =
        settings
            .get("auth")
            .orElseGet(() -> tokenGiven || environment.token().isPresent() ? "token" : "");
    return switch (method) {
      case "token" ->
          tokenGiven
              ? credential(settings, "token", () -> VaultAuth.token(settings.require("token")))
              : VaultAuth.token(environment.token().orElseThrow(() -> missingToken(settings)));
      case "approle" ->
          credential(
              settings,
              "approle.secret-id",
              () ->
                  VaultAuth.appRole(
                      settings.string("approle.mount", "approle"),
                      settings.require("approle.role-id"),
                      settings.require("approle.secret-id")));
      case "kubernetes" ->
          VaultAuth.kubernetes(
              settings.string("kubernetes.mount", "kubernetes"),
              settings.require("kubernetes.role"),
              settings.path("kubernetes.jwt-path").orElse(VaultAuth.DEFAULT_KUBERNETES_JWT));
      case "jwt" ->
          VaultAuth.jwt(
              settings.string("jwt.mount", "jwt"),
              settings.require("jwt.role"),
              Path.of(settings.require("jwt.file")));
      case "cert" ->
          VaultAuth.cert(
              settings.string("cert.mount", "cert"),
              settings.get("cert.name").orElse(null),
              keyStore(settings),
              settings.get("cert.key-store-password").orElse(null));
      case "aws-iam" ->
          VaultAuth.awsIam(
              settings.string("aws.mount", "aws"),
              settings.get("aws.role").orElse(null),
              settings.string("aws.region", "us-east-1"),
              settings.get("aws.sts-endpoint").map(java.net.URI::create).orElse(null),
              settings.get("aws.server-id").orElse(null));
      case "" ->
          throw new SecretsConfigurationException(
              "Missing key '"
                  + settings.fullKey("auth")
                  + "' (token, approle, kubernetes, jwt, cert, aws-iam), or set '"
                  + settings.fullKey("token")
                  + "' or the environment variable VAULT_TOKEN.");
      default ->
          throw new SecretsConfigurationException(
              "Invalid value '"
                  + method
                  + "' for key '"
                  + settings.fullKey("auth")
                  + "': expected token, approle, kubernetes, jwt, cert or aws-iam.");
    };
  }

  private static Path keyStore(ProviderSettings settings) {
    Path file = Path.of(settings.require("cert.key-store"));
    if (!Files.isReadable(file)) {
      throw new SecretsConfigurationException(
          "The file "
              + file
              + " of key '"
              + settings.fullKey("cert.key-store")
              + "' cannot be read; it must be the PKCS#12 or JKS key store with the client"
              + " certificate.");
    }
    return file;
  }

  private static SecretsConfigurationException missingToken(ProviderSettings settings) {
    return new SecretsConfigurationException(
        "Missing key '"
            + settings.fullKey("token")
            + (settings.prefix().equals("vault")
                ? "' for auth=token: set it, the environment variable VAULT_TOKEN, or log in with"
                    + " 'vault login' (which writes ~/.vault-token)."
                : "' for auth=token of provider '"
                    + settings.prefix()
                    + "': set it (VAULT_TOKEN and ~/.vault-token stand in for the provider named"
                    + " vault only)."));
  }

  /** {@code agent = true}: the local Vault Agent/Proxy authenticates; we send no credential. */
  private static VaultAuth agentAuth(ProviderSettings settings) {
    for (String key : new String[] {"auth", "token", "approle.role-id", "approle.secret-id"}) {
      if (settings.get(key).isPresent()) {
        throw new SecretsConfigurationException(
            "The key '"
                + settings.fullKey(key)
                + "' cannot be used with '"
                + settings.fullKey("agent")
                + "=true': the Vault Agent or Proxy authenticates and adds its own token. Remove"
                + " it, or set agent=false to talk to Vault directly.");
      }
    }
    return VaultAuth.agent();
  }

  private static Path readable(ProviderSettings settings, Path file) {
    if (!Files.isReadable(file)) {
      throw new SecretsConfigurationException(
          "The file " + file + " of key '" + settings.fullKey("ca-cert") + "' cannot be read.");
    }
    return file;
  }

  private static Duration positive(ProviderSettings settings, String key, Duration fallback) {
    Duration value = settings.duration(key, fallback);
    if (value.isNegative() || value.isZero()) {
      throw new SecretsConfigurationException(
          "The key '" + settings.fullKey(key) + "' must be a positive duration such as 5s.");
    }
    return value;
  }

  private static int atLeastOne(ProviderSettings settings, String key, int fallback) {
    int value = settings.integer(key, fallback);
    if (value < 1) {
      throw new SecretsConfigurationException(
          "The key '" + settings.fullKey(key) + "' must be at least 1.");
    }
    return value;
  }
}
