package io.kailash.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/** Jars the fail-closed tests build: another agent, an api jar of another protocol version. */
final class Jars {

  private Jars() {}

  /** A jar with nothing but a manifest holding {@code attribute}. */
  static Path withManifest(String name, String attribute) throws IOException {
    Path jar = ForkedJvm.workDir().resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      out.write(("Manifest-Version: 1.0\n" + attribute + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  /** A copy of {@code source} whose {@code entryName} has {@code from} replaced (same length). */
  static Path replacingBytes(Path source, String entryName, String from, String to)
      throws IOException {
    Path jar = Files.createTempFile(ForkedJvm.workDir(), "patched-", ".jar");
    boolean patched = false;
    try (JarFile in = new JarFile(source.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      Enumeration<JarEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        byte[] bytes;
        try (InputStream stream = in.getInputStream(entry)) {
          bytes = stream.readAllBytes();
        }
        if (entry.getName().equals(entryName)) {
          String text = new String(bytes, StandardCharsets.ISO_8859_1);
          patched = text.contains(from);
          bytes = text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    if (!patched) {
      throw new IllegalStateException(from + " not found in " + entryName + " of " + source);
    }
    return jar;
  }
}
