package io.kailash.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.StderrCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh Vault double per test on a fake clock, holding one secret with a random {@link #value},
 * and a check after each test that no log line carried the value, a token or {@link #neverLogged}.
 */
abstract class DoubleTestBase {

  final FakeTimeSource clock = new FakeTimeSource();
  final String value = "value-" + UUID.randomUUID();

  /** Further strings (credentials) that must not be logged. */
  final List<String> neverLogged = new ArrayList<>();

  VaultApiDouble vault;
  private StderrCapture logs;

  /** Where the secret holding {@link #value} is stored in the {@code secret} mount. */
  abstract String secretPath();

  @BeforeEach
  void startDouble() {
    logs = new StderrCapture();
    vault = VaultApiDouble.start(clock);
    vault.putKv2("secret", secretPath(), Map.of("value", value));
  }

  @AfterEach
  void stopDoubleAndCheckLogs() {
    vault.close();
    logs.close();
    neverLogged.addAll(List.of(value, vault.rootToken(), "hvs."));
    assertThat(logs.text()).doesNotContain(neverLogged);
  }
}
