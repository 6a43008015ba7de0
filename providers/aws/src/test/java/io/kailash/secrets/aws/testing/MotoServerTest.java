package io.kailash.secrets.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The moto launcher itself: lookup, reset and shutdown. */
@ExtendWith(MotoServerExtension.class)
class MotoServerTest {

  @Test
  void resetForgetsEverySecret(MotoServer moto) {
    try (SecretsManagerClient admin = MotoClients.secretsManager(moto)) {
      admin.createSecret(r -> r.name("launcher/reset").secretString("v"));

      moto.reset();

      assertThatThrownBy(() -> admin.getSecretValue(r -> r.secretId("launcher/reset")))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Test
  void closeStopsTheProcessAndFreesThePort() {
    MotoServer own = MotoServer.start();
    int port = own.port();
    assertThat(own.logFile()).exists();

    own.close();

    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
              }
            })
        .isInstanceOf(IOException.class);
  }

  @Test
  void findsMotoServerOnThePathOrInPyenvShims(@TempDir Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path home = Files.createDirectories(dir.resolve("home"));
    assertThat(MotoServer.findExecutable(bin.toString(), home)).isEmpty();

    Path shim = executable(home.resolve(".pyenv/shims/moto_server"));
    assertThat(MotoServer.findExecutable(bin.toString(), home)).contains(shim);

    Path onPath = executable(bin.resolve("moto_server"));
    assertThat(MotoServer.findExecutable(bin.toString(), home)).contains(onPath);
  }

  private static Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    return file;
  }
}
