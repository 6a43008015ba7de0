package io.kailash.secrets.agent.internal;

import io.kailash.secrets.agent.internal.config.AgentConfig;

/** The checks {@link AgentStarter} makes of the agent's own keys, for the {@code check} command. */
public final class StartChecks {

  private StartChecks() {}

  /**
   * @throws io.kailash.secrets.config.SecretsConfigurationException naming a malformed agent key
   */
  public static void agentKeys(AgentConfig config) {
    AgentSettings.of(config);
  }
}
