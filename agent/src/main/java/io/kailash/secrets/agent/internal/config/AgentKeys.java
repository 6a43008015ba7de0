package io.kailash.secrets.agent.internal.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The agent's own configuration keys and their defaults (docs/configuration.md lists them all). */
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

  /** Test-only: where to write transformation counts at JVM exit. */
  public static final String STATS_FILE = "internal.stats-file";

  private AgentKeys() {}

  /** Key to default value ("" for none), in documentation order. */
  public static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(ENABLED, "true");
    defaults.put(PROVIDERS, "env");
    defaults.put(BASE_TYPE, "io.kailash.workflow.Node");
    defaults.put(METHOD, "run");
    defaults.put(LOG_LEVEL, "info");
    defaults.put(LOG_FILE, "");
    defaults.put(ON_CONFIG_ERROR, "fail");
    defaults.put(ON_INTERNAL_ERROR, "fail");
    defaults.put(SHOW, "false");
    defaults.put(JMX_ENABLED, "true");
    defaults.put(POLICY_FILE, "");
    defaults.put(POLICY_DEFAULT, "allow");
    defaults.put(AUDIT_SINK, "file");
    defaults.put(STATS_FILE, "");
    return defaults;
  }
}
