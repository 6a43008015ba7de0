package io.kailash.secrets.agent.internal.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds every class file of an application: in folders, in jars, and in the jars nested in a jar (a
 * Spring Boot fat jar's {@code BOOT-INF/lib/*.jar}; its {@code BOOT-INF/classes/} entries are class
 * files like any other). Classes are read, never loaded.
 */
final class ClassPathScanner {

  private final Map<String, ScannedClass> classes = new LinkedHashMap<>();

  /** Scans each entry; the first class of a name wins, as on a class path. */
  static Map<String, ScannedClass> scan(List<Path> entries) throws IOException {
    ClassPathScanner scanner = new ClassPathScanner();
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        scanner.scanFolder(entry);
      } else if (Files.isRegularFile(entry)) {
        try (InputStream in = Files.newInputStream(entry)) {
          scanner.scanJar(in);
        }
      } else {
        throw new IOException("'" + entry + "' is neither a folder nor a jar");
      }
    }
    return scanner.classes;
  }

  private void scanFolder(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.toString().endsWith(".class") && Files.isRegularFile(file)) {
          add(Files.readAllBytes(file));
        }
      }
    }
  }

  private void scanJar(InputStream jar) throws IOException {
    ZipInputStream zip = new ZipInputStream(jar);
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      String name = entry.getName();
      if (entry.isDirectory() || name.startsWith("META-INF/versions/")) {
        continue;
      }
      if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
        add(zip.readAllBytes());
      } else if (name.endsWith(".jar")) {
        scanJar(new ByteArrayInputStream(zip.readAllBytes())); // BOOT-INF/lib/*.jar, WEB-INF/lib
      }
    }
  }

  private void add(byte[] bytes) {
    ScannedClass scanned = RequirementReader.read(bytes);
    if (scanned != null) {
      classes.putIfAbsent(scanned.name(), scanned);
    }
  }
}
