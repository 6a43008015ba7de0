package io.kailash.secrets.aws.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A moto server process on a free loopback port: a real implementation of the AWS APIs (all
 * services on one port, state in memory) for tests.
 *
 * <p>{@code moto_server} is looked up on the PATH, then in {@code ~/.pyenv/shims}; its output goes
 * to {@code target/moto-server-<port>.log} (or the directory in system property {@code
 * moto.log.dir}). {@link #close()} stops the process and its children; a shutdown hook does the
 * same if a test run forgets. Use {@link MotoServerExtension} to share one server per test JVM.
 */
public final class MotoServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final int PORT_ATTEMPTS = 3;

  private final Process process;
  private final int port;
  private final Path logFile;
  private final Thread shutdownHook;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private MotoServer(Process process, int port, Path logFile) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
    this.shutdownHook = new Thread(this::stopProcess, "moto-server-stop-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts moto_server and waits until it answers.
   *
   * @throws IllegalStateException if moto_server is missing or does not come up
   */
  public static MotoServer start() {
    Path executable = findExecutable();
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = freeLoopbackPort();
      MotoServer server = launch(executable, port);
      try {
        server.awaitReady();
        return server;
      } catch (IllegalStateException notReady) {
        // Most likely another process took the port between probe and start: try another one.
        server.close();
        last = notReady;
      }
    }
    throw last;
  }

  /** Where moto_server is installed; fails with what to install when it is not. */
  public static Path findExecutable() {
    return findExecutable(System.getenv("PATH"), Path.of(System.getProperty("user.home")))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "moto_server not found on the PATH or in ~/.pyenv/shims: install moto with its"
                        + " server extra (pip install 'moto[server]', Python >= 3.10) and put"
                        + " moto_server on the PATH. The AWS Secrets Manager tests run against"
                        + " it."));
  }

  static Optional<Path> findExecutable(String pathVariable, Path home) {
    List<Path> candidates = new ArrayList<>();
    if (pathVariable != null) {
      for (String dir : pathVariable.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, "moto_server"));
        }
      }
    }
    candidates.add(home.resolve(".pyenv").resolve("shims").resolve("moto_server"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** The endpoint to give the AWS SDK, e.g. {@code http://127.0.0.1:5123}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  public Path logFile() {
    return logFile;
  }

  /** Deletes every resource in every service and region: {@code POST /moto-api/reset}. */
  public void reset() {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    int status = send(request);
    if (status != 200) {
      throw new IllegalStateException("moto reset answered HTTP " + status + "; see " + logFile);
    }
  }

  /** Stops the server and any process it started. */
  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting and runs the hook itself.
    }
  }

  private static MotoServer launch(Path executable, int port) {
    Path logDir = Path.of(System.getProperty("moto.log.dir", "target"));
    Path log = logDir.resolve("moto-server-" + port + ".log").toAbsolutePath();
    try {
      Files.createDirectories(logDir);
      Process process =
          new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new MotoServer(process, port, log);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start " + executable + ": " + e.getMessage(), e);
    }
  }

  private void awaitReady() {
    HttpRequest probe =
        HttpRequest.newBuilder(endpoint().resolve("/moto-api/"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "moto_server exited with " + process.exitValue() + " before answering; see " + logFile);
      }
      if (send(probe) == 200) {
        return;
      }
      pause();
    }
    throw new IllegalStateException(
        "moto_server did not answer on port "
            + port
            + " within "
            + START_TIMEOUT
            + "; see "
            + logFile);
  }

  /** The HTTP status, or -1 if the server did not answer. */
  private int send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notYet) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while talking to moto_server", e);
    }
  }

  private void stopProcess() {
    // The pyenv shim execs python, but be safe about wrappers that fork instead.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for moto_server", e);
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free loopback port: " + e.getMessage(), e);
    }
  }
}
