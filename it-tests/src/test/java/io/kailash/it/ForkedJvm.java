package io.kailash.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a test application in a JVM of its own, optionally with {@code
 * -javaagent:kailash-secrets.jar=<agentArgs>}, an environment of the test's choosing, and the
 * test-only stats file; captures stdout and stderr separately, with a timeout.
 */
public final class ForkedJvm {

  private static final long TIMEOUT_SECONDS = 60;

  private final Jdk jdk;
  private final Class<?> mainClass;
  private final List<String> jvmArgs = new ArrayList<>();
  private final List<String> appArgs = new ArrayList<>();
  private final Map<String, String> environment = new HashMap<>();
  private final List<Path> extraClassPath = new ArrayList<>();
  private final List<String> argsBeforeAgent = new ArrayList<>();
  private final Map<String, Path> replacedJars = new HashMap<>();
  private String agentArgs;
  private boolean withoutApiJackson;
  private Path statsFile;

  private ForkedJvm(Jdk jdk, Class<?> mainClass) {
    this.jdk = jdk;
    this.mainClass = mainClass;
  }

  public static ForkedJvm of(Jdk jdk, Class<?> mainClass) {
    return new ForkedJvm(jdk, mainClass);
  }

  public static Path agentJar() {
    return Path.of(System.getProperty("it.agent.jar"));
  }

  public static Path workDir() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("it.work.dir")));
  }

  /** Runs with the agent, given these agent arguments ({@code ""} for none). */
  public ForkedJvm agent(String arguments) {
    this.agentArgs = arguments;
    return this;
  }

  public ForkedJvm env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public ForkedJvm jvmArg(String argument) {
    jvmArgs.add(argument);
    return this;
  }

  /** A JVM argument placed before our {@code -javaagent}, e.g. another agent listed first. */
  public ForkedJvm argBeforeAgent(String argument) {
    argsBeforeAgent.add(argument);
    return this;
  }

  /** Adds a directory or jar at the end of the class path. */
  public ForkedJvm classPathEntry(Path entry) {
    extraClassPath.add(entry);
    return this;
  }

  /**
   * Puts {@code jar} on the class path instead of the dependency whose path contains {@code part}.
   */
  public ForkedJvm replacingJar(String part, Path jar) {
    replacedJars.put(part, jar);
    return this;
  }

  /** The application's dependency jar whose path contains {@code part}. */
  public static Path dependency(String part) throws IOException {
    String dependencies =
        Files.readString(Path.of(System.getProperty("it.app.classpath.file"))).trim();
    for (String entry : dependencies.split(java.io.File.pathSeparator)) {
      if (entry.contains(part)) {
        return Path.of(entry);
      }
    }
    throw new IllegalStateException("no dependency " + part + " in " + dependencies);
  }

  public ForkedJvm args(String... arguments) {
    appArgs.addAll(List.of(arguments));
    return this;
  }

  /** Replaces the api's Jackson on the class path by the jars in {@code libs}. */
  public ForkedJvm conflictingLibraries(Path libs) throws IOException {
    withoutApiJackson = true;
    try (Stream<Path> jars = Files.list(libs)) {
      jars.sorted().forEach(extraClassPath::add);
    }
    return this;
  }

  public JvmRun run() throws IOException, InterruptedException {
    Process process = start();
    process.getOutputStream().close();
    return finish(process);
  }

  /** Starts the JVM; finish it with {@link #finish}. */
  public Process start() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(jdk.java().toString());
    command.addAll(argsBeforeAgent);
    if (agentArgs != null) {
      statsFile = Files.createTempFile(workDir(), "stats-", ".txt");
      Files.delete(statsFile); // the agent writes it at exit; absent means the agent never started
      command.add("-Dkailash.secrets.internal.stats-file=" + statsFile);
      command.add("-javaagent:" + agentJar() + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
    }
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath());
    command.add(mainClass.getName());
    command.addAll(appArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("KAILASH_"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  public JvmRun finish(Process process) throws InterruptedException {
    CompletableFuture<List<String>> stdout = lines(process.getInputStream());
    CompletableFuture<List<String>> stderr = lines(process.getErrorStream());
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          mainClass.getSimpleName() + " did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new JvmRun(process.exitValue(), stdout.join(), stderr.join(), statsFile);
  }

  /** Sends one line to the running application's stdin. */
  public static void sendLine(Process process, String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private String classPath() throws IOException {
    List<String> entries = new ArrayList<>();
    entries.add(System.getProperty("it.test.classes"));
    String dependencies =
        Files.readString(Path.of(System.getProperty("it.app.classpath.file"))).trim();
    for (String entry : dependencies.split(java.io.File.pathSeparator)) {
      if (withoutApiJackson && entry.contains("jackson")) {
        continue;
      }
      String replaced = entry;
      for (Map.Entry<String, Path> replacement : replacedJars.entrySet()) {
        if (entry.contains(replacement.getKey())) {
          replaced = replacement.getValue().toString();
        }
      }
      entries.add(replaced);
    }
    extraClassPath.forEach(path -> entries.add(path.toString()));
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static CompletableFuture<List<String>> lines(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
