package io.kailash.secrets.agent.internal.config;

import io.kailash.secrets.config.ConfigKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's own configuration keys, their defaults and descriptions. docs/configuration.md's key
 * table is generated from {@link #described()} (ConfigurationReferenceTest): a new key is one line
 * there.
 */
public final class AgentKeys {

  public static final String ENABLED = "enabled";
  public static final String PROVIDERS = "providers";
  public static final String BASE_TYPE = "instrument.base-type";
  public static final String METHOD = "instrument.method";
  public static final String LOG_LEVEL = "log.level";
  public static final String LOG_FILE = "log.file";
  public static final String ON_CONFIG_ERROR = "on-config-error";
  public static final String ON_INTERNAL_ERROR = "on-internal-error";
  public static final String SHOW = "config.show";
  public static final String JMX_ENABLED = "jmx.enabled";
  public static final String POLICY_FILE = "policy.file";
  public static final String POLICY_DEFAULT = "policy.default";
  public static final String AUDIT_SINK = "audit.sink";
  public static final String EXTENSIONS = "extensions";

  /**
   * The prefix of the keys that declare a class's secret requirements, {@code requirements.<binary
   * class name>}: any class name may follow it.
   */
  public static final String REQUIREMENTS_PREFIX = "requirements.";

  /** Test-only: where to write transformation counts at JVM exit. */
  public static final String STATS_FILE = "internal.stats-file";

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.of(
              ENABLED,
              "true",
              "`false`: the agent does nothing at all (no transformer is registered)"),
          ConfigKey.of(
              PROVIDERS,
              "env",
              "the provider chain, in order, e.g. `vault, aws, env` (known: `env`, `files`,"
                  + " `vault`, `aws`, `aws-agent`); a name of your own is an instance of the type"
                  + " `<name>.type` gives, with its keys under its name, e.g. `vault-prod` with"
                  + " `vault-prod.type = vault`, `vault-prod.url` ([named"
                  + " instances](#named-instances))"),
          ConfigKey.of(
              BASE_TYPE,
              "io.kailash.workflow.Node",
              "the class (or interface) whose subclasses are instrumented; with another type,"
                  + " `Node` subclasses that declare secrets are refused when created (see"
                  + " [security.md](security.md))"),
          ConfigKey.of(METHOD, "run", "the instrumented method; it must take one `java.util.Map`"),
          ConfigKey.of(
              LOG_LEVEL,
              "info",
              "the agent's own log: `error`, `warn`, `info`, `debug` (stack traces), `trace`"),
          ConfigKey.noDefault(
              LOG_FILE, "append the agent's log to this file instead of stderr (none: stderr)"),
          ConfigKey.of(
              ON_CONFIG_ERROR, "fail", "`fail`: stop the JVM; `warn`: disable the agent and run"),
          ConfigKey.of(
              ON_INTERNAL_ERROR,
              "fail",
              "a fault inside the agent while resolving: `fail` the node (a"
                  + " `SecretBackendException` with reason `INTERNAL`), or `proceed` without"
                  + " secrets"),
          ConfigKey.of(
              SHOW,
              "false",
              "log the effective configuration (each key with its source, credentials masked) at"
                  + " start"),
          ConfigKey.of(
              JMX_ENABLED,
              "true",
              "register the MBeans `io.kailash.secrets:type=SecretCache` (with a"
                  + " `io.kailash.secrets.secret-changed` notification per changed value) and"
                  + " `type=Provider,name=<provider>` per provider (when the cache and resilience"
                  + " layers are on)"
                  + " on the platform MBean server, from a daemon thread `kailash-secrets-jmx`"
                  + " about 1 s after start (JMX's first use costs start-up time; a JVM that ends"
                  + " sooner registers nothing); `false`: never"),
          ConfigKey.of(
              AUDIT_SINK,
              "file",
              "where audit records go: `file` (JSON lines in `audit.file`), `log` (one INFO line"
                  + " per record in the agent's log, logger `io.kailash.secrets.audit`), or"
                  + " `file,log`; see [Audit records](#audit-records)"),
          ConfigKey.noDefault(
              POLICY_FILE,
              "the secret policy: which node classes may receive which secrets"
                  + " ([security.md](security.md#least-privilege)); read as UTF-8 at start, a missing or malformed file"
                  + " is a configuration error naming the line"),
          ConfigKey.of(
              POLICY_DEFAULT,
              "allow",
              "for secrets no rule of the policy names: `allow` (any node class) or `deny` (only"
                  + " pairs a rule allows; needs `policy.file`). With `allow` and no `policy.file`"
                  + " nothing is refused and one INFO line says no policy is enforced"),
          ConfigKey.noDefault(
              EXTENSIONS,
              "jars, or folders of jars (every `*.jar` in it), comma-separated, that add provider"
                  + " types: each lists its `SecretProviderFactory` in `META-INF/services`, and"
                  + " its type can then be named in `providers` with its keys under `<type>.`; a"
                  + " missing or broken jar is a configuration error naming it. Extensions run"
                  + " with the agent's privileges ([extensions.md](extensions.md))"),
          ConfigKey.noDefault(
              STATS_FILE, "test only: write transformation counters here at JVM exit"));

  /** The documentation row of the prefix key (one per class, so not in {@link #defaults()}). */
  private static final ConfigKey REQUIREMENTS =
      ConfigKey.noDefault(
          REQUIREMENTS_PREFIX + "<class>",
          "the secrets a node class needs that cannot carry `@SecretRequirement` (a third-party"
              + " class), by binary name: `requirements.com.acme.ThirdPartyNode = jwt-signing-key"
              + " -> secret_key, api-token@v2 -> api_token (optional)`; the annotation's rules"
              + " (subclasses inherit, fail closed, a parameter declared once); not from"
              + " environment variables, which cannot spell a class name"
              + " ([details](#requirements-for-classes-you-cannot-annotate))");

  private AgentKeys() {}

  /** The agent's own keys with defaults and descriptions, in documentation order. */
  public static List<ConfigKey> described() {
    return KEYS;
  }

  /** The prefix keys ({@code requirements.<class>}), described for the documentation. */
  public static List<ConfigKey> describedPrefixKeys() {
    return List.of(REQUIREMENTS);
  }

  /** Whether {@code key} is one of a prefix key's keys, e.g. {@code requirements.com.acme.Node}. */
  public static boolean isPrefixKey(String key) {
    return key.startsWith(REQUIREMENTS_PREFIX) && key.length() > REQUIREMENTS_PREFIX.length();
  }

  /** Key to default value ("" for none), in documentation order. */
  public static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (ConfigKey key : KEYS) {
      defaults.put(key.name(), key.defaultValue());
    }
    return defaults;
  }
}
