package io.kailash.secrets.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bridge can be installed once only, and answers nothing (which the woven code turns into a
 * failure) when even the fault handler fails.
 */
class SecretsBridgeTest {

  @Test
  void aSecondInstallIsRefused() {
    TestBridge.use(node -> "first", fault -> null);

    assertThat(SecretsBridge.install(node -> "replaced", fault -> "replaced")).isFalse();
    assertThat(SecretsBridge.resolve(new Object())).isEqualTo("first");
  }

  @Test
  void whenEvenTheFaultHandlerFailsThereIsNoAnswer() {
    TestBridge.use(
        node -> {
          throw new IllegalStateException("bug");
        },
        fault -> {
          throw new IllegalStateException("even the handler fails");
        });

    assertThat(SecretsBridge.resolve(new Object())).isNull();
  }

  @Test
  void anImplementationThatIsNoGuardRefusesEveryClass() {
    assertThat(SecretsBridge.verdict(Object.class)).contains("not initialised");
  }
}
