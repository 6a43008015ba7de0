package io.kailash.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/troubleshooting.md explains every reason a SecretBackendException can carry. */
class TroubleshootingTest {

  private static final Path GUIDE =
      Path.of(System.getProperty("basedir", "."), "..", "docs", "troubleshooting.md").normalize();

  @Test
  void everyReasonHasARow() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    for (Reason reason : Reason.values()) {
      assertThat(guide)
          .as("docs/troubleshooting.md has a row for Reason %s (cause and fix)", reason)
          .contains("| `" + reason.name() + "` |");
    }
  }
}
