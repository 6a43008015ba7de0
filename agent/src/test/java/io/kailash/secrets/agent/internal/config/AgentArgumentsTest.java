package io.kailash.secrets.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.config.SecretsConfigurationException;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

  @Test
  void parsesPairs() {
    assertThat(AgentArguments.parse("config=/a.properties; log.level=debug"))
        .containsEntry("config", "/a.properties")
        .containsEntry("log.level", "debug");
  }

  /** jcmd JVMTI.agent_load splits "config=FILE" at '=' and hands the agent "config" alone. */
  @Test
  void configWithoutValueShowsTheQuotingJcmdNeeds() {
    assertThatThrownBy(() -> AgentArguments.parse("config"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("'\"config=/path/to/kailash-secrets.properties\"'")
        .hasMessageContaining("jcmd PID JVMTI.agent_load");
  }
}
