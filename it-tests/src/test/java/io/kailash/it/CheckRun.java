package io.kailash.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Runs {@code java -jar kailash-secrets.jar check ...} as its own process, with an environment of
 * the test's choosing and a timeout, and builds the application jars it scans.
 */
final class CheckRun {

  private static final long TIMEOUT_SECONDS = 60;

  private final Map<String, String> environment = new HashMap<>();

  CheckRun env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  JvmRun check(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Jdk.forTests().get(0).java().toString());
    command.add("-jar");
    command.add(ForkedJvm.agentJar().toString());
    command.add("check");
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("KAILASH_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<List<String>> stdout = lines(process, false);
    CompletableFuture<List<String>> stderr = lines(process, true);
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("check did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new JvmRun(process.exitValue(), stdout.join(), stderr.join(), null);
  }

  /** A configuration file with these lines. */
  static Path config(String... lines) throws IOException {
    Path file = Files.createTempFile(ForkedJvm.workDir(), "check-", ".properties");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  /** A jar holding the class files of {@code classes} (and their nested classes) under prefix. */
  static Path jar(String prefix, Map<String, Path> nestedJars, Class<?>... classes)
      throws IOException {
    Path jar = Files.createTempFile(ForkedJvm.workDir(), "app-", ".jar");
    Path testClasses = Path.of(System.getProperty("it.test.classes"));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Class<?> type : classes) {
        String entry = type.getName().replace('.', '/') + ".class";
        put(out, prefix + entry, Files.readAllBytes(testClasses.resolve(entry)));
      }
      for (Map.Entry<String, Path> nested : nestedJars.entrySet()) {
        put(out, nested.getKey(), Files.readAllBytes(nested.getValue()));
      }
    }
    return jar;
  }

  /** The entry names of a jar: to show what a scanned layout holds. */
  static List<String> entries(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> all = file.entries();
      while (all.hasMoreElements()) {
        names.add(all.nextElement().getName());
      }
    }
    return names;
  }

  private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(bytes);
    out.closeEntry();
  }

  private static CompletableFuture<List<String>> lines(Process process, boolean errors) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            byte[] bytes =
                (errors ? process.getErrorStream() : process.getInputStream()).readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
