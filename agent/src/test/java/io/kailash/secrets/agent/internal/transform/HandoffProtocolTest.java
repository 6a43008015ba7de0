package io.kailash.secrets.agent.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.injection.AgentHandoff;
import org.junit.jupiter.api.Test;

/** The protocol check reads the application's AgentHandoff class file without ASM (issue 16). */
class HandoffProtocolTest {

  @Test
  void theApisOwnAgentHandoffSpeaksTheAgentsProtocol() {
    assertThat(HandoffProtocol.mismatch(ClassBytes.of(AgentHandoff.class))).isNull();
  }

  @Test
  void aClassWithoutTheProtocolConstantIsAnOlderApi() {
    assertThat(HandoffProtocol.mismatch(ClassBytes.of(RunStartHookSample.class)))
        .contains("(none: an older api jar)")
        .contains(HandoffProtocol.VERSION);
  }

  @Test
  void aClassFileThatCannotBeReadIsRefusedWithAReason() {
    assertThat(HandoffProtocol.mismatch(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1}))
        .contains("cannot be read");
  }
}
