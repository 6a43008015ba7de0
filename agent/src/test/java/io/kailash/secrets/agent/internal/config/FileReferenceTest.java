package io.kailash.secrets.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kailash.secrets.config.SecretsConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${file:}} reads regular files up to a size cap, and refuses anything else by name. */
class FileReferenceTest {

  @TempDir Path dir;

  @Test
  void readsARegularFileTrimmed() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), " abc\n");
    assertThat(ValueReferences.resolve("vault.token", "${file:" + token + "}", Map.of()))
        .isEqualTo("abc");
  }

  @Test
  void refusesADeviceInsteadOfFillingTheHeap() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    assertThatThrownBy(() -> ValueReferences.resolve("cache.ttl", "${file:/dev/zero}", Map.of()))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("'cache.ttl'")
        .hasMessageContaining("${file:/dev/zero}")
        .hasMessageContaining("not a regular file");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void refusesAFifoInsteadOfBlocking() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "no mkfifo");
    assertThatThrownBy(
            () -> ValueReferences.resolve("vault.token", "${file:" + fifo + "}", Map.of()))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void refusesAFileLargerThanTheCap() throws Exception {
    Path big = Files.write(dir.resolve("big"), new byte[ValueReferences.FILE_LIMIT + 1]);
    assertThatThrownBy(
            () -> ValueReferences.resolve("vault.token", "${file:" + big + "}", Map.of()))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("larger than 64 KiB");
  }

  @Test
  void saysWhenTheFileIsMissing() {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(
            () -> ValueReferences.resolve("vault.token", "${file:" + missing + "}", Map.of()))
        .hasMessageContaining("does not exist");
  }
}
