package io.kailash.secrets.agent.internal.extensions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Builds extension jars that hold a factory listing only: in these tests the extensions' loader's
 * parent is the test's class loader, which has the listed {@link TestFactories} (the forked-JVM
 * tests in it-tests load real extension jars below the agent's isolated loader).
 */
final class ExtensionJars {

  private ExtensionJars() {}

  /** A jar with this listing, or with no listing at all if {@code listing} is null. */
  static Path jar(Path directory, String name, String listing) throws IOException {
    Path jar = directory.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry(listing == null ? "README.txt" : ExtensionJar.LISTING));
      out.write((listing == null ? "no listing" : listing).getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  static String listing(Class<?>... factories) {
    StringBuilder text = new StringBuilder("# factories\n");
    for (Class<?> factory : factories) {
      text.append(factory.getName()).append("  # a comment\n");
    }
    return text.toString();
  }
}
