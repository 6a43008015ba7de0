package io.kailash.secrets.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing outside the directory, and nothing but bounded regular files inside it, is read. */
class FileConfinementTest {

  private static final String OUTSIDE_VALUE = "outside-secret-value";

  @TempDir Path root;
  private Path dir;
  private FilesSecretProvider provider;

  @BeforeEach
  void layout() throws Exception {
    dir = Files.createDirectories(root.resolve("secrets"));
    Files.writeString(root.resolve("outside"), OUTSIDE_VALUE);
    Files.writeString(dir.resolve("inside"), "inside-value");
    provider = FilesSecretProvider.builder().directory(dir).maxFileSize(1024).build();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../outside", "a/../../outside", "/etc/passwd", "a\\..\\outside", "a\0b", ".."})
  void traversalAbsoluteNamesBackslashesAndNulAreRefusedBeforeAnyRead(String name) {
    assertThatThrownBy(() -> provider.getSecret(name))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageNotContaining(OUTSIDE_VALUE)
        .extracting(e -> ((SecretBackendException) e).reason())
        .isEqualTo(Reason.INVALID_REQUEST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..data/inside", ".hidden", "app/.git"})
  void hiddenAndKubernetesInternalNamesAreRefused(String name) {
    assertThatThrownBy(() -> provider.getSecret(name))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("starts with '.'");
  }

  @Test
  void aSymbolicLinkLeavingTheDirectoryIsRefusedAndNotListed() throws Exception {
    Files.createSymbolicLink(dir.resolve("escape"), root.resolve("outside"));
    Files.createSymbolicLink(dir.resolve("relative-escape"), Path.of("../outside"));
    Files.createSymbolicLink(dir.resolve("up"), root);

    for (String name : new String[] {"escape", "relative-escape", "up/outside"}) {
      assertThatThrownBy(() -> provider.getSecret(name))
          .isInstanceOf(SecretBackendException.class)
          .hasMessageContaining("is a symbolic link that leads outside the directory")
          .hasMessageNotContaining(OUTSIDE_VALUE)
          .hasNoCause()
          .extracting(e -> ((SecretBackendException) e).reason())
          .isEqualTo(Reason.ACCESS_DENIED);
    }
    assertThat(provider.listSecrets()).containsExactly("inside");
  }

  @Test
  void aSymbolicLinkStayingInsideIsFollowed() throws Exception {
    Files.createSymbolicLink(dir.resolve("alias"), Path.of("inside"));

    assertThat(provider.getSecret("alias")).isEqualTo("inside-value");
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aSymbolicLinkLoopIsAnErrorForTheReadAndLeftOutOfTheListing() throws Exception {
    Files.createSymbolicLink(dir.resolve("loop-a"), Path.of("loop-b"));
    Files.createSymbolicLink(dir.resolve("loop-b"), Path.of("loop-a"));
    Files.createDirectories(dir.resolve("nested"));
    Files.createSymbolicLink(dir.resolve("nested/back"), Path.of(".."));

    assertThatThrownBy(() -> provider.getSecret("loop-a"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("'loop-a' in " + dir.toAbsolutePath())
        .hasNoCause();
    assertThat(provider.listSecrets()).containsExactly("inside");
  }

  @Test
  void aLinkToADeviceIsRefusedAsLeavingTheDirectory() throws Exception {
    Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));

    assertThatThrownBy(() -> provider.getSecret("zero"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("leads outside the directory");
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoIsRefusedWithoutOpeningIt() throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe").toString()).start();
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "no mkfifo");

    // Opening a FIFO for reading blocks until a writer comes: the timeout fails a regression.
    assertThatThrownBy(() -> provider.getSecret("pipe"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("'pipe' in " + dir.toAbsolutePath() + " is not a regular file")
        .extracting(e -> ((SecretBackendException) e).reason())
        .isEqualTo(Reason.INVALID_RESPONSE);
    assertThat(provider.listSecrets()).containsExactly("inside");
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedNamingTheLimitAndTheKey() throws Exception {
    Files.writeString(dir.resolve("huge"), "x".repeat(1025));
    Files.writeString(dir.resolve("at-limit"), "y".repeat(1024));

    assertThatThrownBy(() -> provider.getSecret("huge"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("'huge' in " + dir.toAbsolutePath())
        .hasMessageContaining("larger than the limit of 1024 bytes")
        .hasMessageContaining("files.max-file-size")
        .hasMessageNotContaining("xxxx");
    assertThat(provider.getSecret("at-limit")).hasSize(1024);
  }

  @Test
  void theDefaultLimitIsOneMebibyte() throws Exception {
    FilesSecretProvider defaults = FilesSecretProvider.builder().directory(dir).build();
    Files.write(dir.resolve("two-mib"), new byte[2 << 20]);

    assertThatThrownBy(() -> defaults.getSecret("two-mib"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("larger than the limit of 1048576 bytes");
  }
}
