package io.kailash.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A JDK the agent is tested on: the one running the tests (17), and a JDK 25 under /usr/lib/jvm
 * when the machine has one.
 *
 * @param feature the feature release, e.g. 17
 * @param home the JDK's home, or {@code null} when absent on this machine
 */
public record Jdk(int feature, Path home) {

  public static List<Jdk> forTests() {
    List<Jdk> jdks = new ArrayList<>();
    jdks.add(new Jdk(Runtime.version().feature(), Path.of(System.getProperty("java.home"))));
    jdks.add(new Jdk(25, find25()));
    return jdks;
  }

  public boolean present() {
    return home != null && Files.isExecutable(java());
  }

  /** Skips the calling test (a JUnit assumption) when this JDK is not on the machine. */
  public void assumePresent() {
    assumeTrue(present(), "No JDK 25 under /usr/lib/jvm on this machine: skipped");
  }

  public Path java() {
    return home.resolve("bin").resolve("java");
  }

  private static Path find25() {
    try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
      return homes
          .filter(home -> home.getFileName().toString().contains("25"))
          .filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .sorted()
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "JDK " + feature;
  }
}
