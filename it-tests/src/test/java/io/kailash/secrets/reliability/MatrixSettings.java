package io.kailash.secrets.reliability;

import java.time.Duration;

/**
 * The short timeouts the fault matrix runs with, so that it stays fast; each can be changed with a
 * system property ({@code -Dreliability.call-timeout=1s}), which changes the measured table.
 */
record MatrixSettings(Duration callTimeout, Duration deadline, Duration vaultTimeout) {

  static MatrixSettings fromSystemProperties() {
    return new MatrixSettings(
        duration("reliability.call-timeout", Duration.ofMillis(250)),
        // 1.6 s, not less: after the 429 row's Retry-After pause (1 s) the retry must still get a
        // whole call timeout, or its outcome (THROTTLED or TIMEOUT) would depend on the machine's
        // load (seen at 1.2 s: 200 ms left, a slow answer became TIMEOUT).
        duration("reliability.deadline", Duration.ofMillis(1600)),
        duration("reliability.vault-timeout", Duration.ofSeconds(1)));
  }

  private static Duration duration(String property, Duration fallback) {
    String value = System.getProperty(property);
    return value == null ? fallback : io.kailash.secrets.internal.Durations.parse(value);
  }
}
