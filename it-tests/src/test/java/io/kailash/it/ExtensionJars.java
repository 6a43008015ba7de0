package io.kailash.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/** The example extension jar the build made, and broken extension jars the tests make. */
final class ExtensionJars {

  static final String LISTING = "META-INF/services/io.kailash.secrets.config.SecretProviderFactory";

  private ExtensionJars() {}

  /** examples/provider-extension's jar (type {@code in-house}), copied by the build. */
  static Path example() {
    return Path.of(System.getProperty("it.extension.jar"));
  }

  /** A copy of the example jar, under another name. */
  static Path exampleCopy(String name) throws IOException {
    Path copy = Files.createTempDirectory(ForkedJvm.workDir(), "extension-").resolve(name);
    return Files.copy(example(), copy);
  }

  /** A folder holding the example jar and a file that is no jar (which the folder rule skips). */
  static Path folderWithTheExample() throws IOException {
    Path folder = Files.createTempDirectory(ForkedJvm.workDir(), "extensions-");
    Files.copy(example(), folder.resolve("in-house.jar"));
    Files.writeString(folder.resolve("README.txt"), "not a jar");
    return folder;
  }

  /** A jar whose listing names {@code listed}, holding the test classes {@code classes}. */
  static Path listing(String name, String listed, Class<?>... classes) throws IOException {
    Path jar = Files.createTempDirectory(ForkedJvm.workDir(), "extension-").resolve(name);
    Path testClasses = Path.of(System.getProperty("it.test.classes"));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry(LISTING));
      out.write((listed + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      for (Class<?> type : classes) {
        String entry = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new ZipEntry(entry));
        out.write(Files.readAllBytes(testClasses.resolve(entry)));
        out.closeEntry();
      }
    }
    return jar;
  }
}
