package io.kailash.secrets.agent.internal.extensions;

import io.kailash.secrets.agent.internal.config.AgentKeys;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The jar files the {@code extensions} key names: a comma-separated list of jars and folders, where
 * a folder stands for every {@code *.jar} file in it (not in its sub-folders), sorted by name.
 * Relative paths are relative to the JVM's working directory, like {@code policy.file}.
 */
final class ExtensionPaths {

  private ExtensionPaths() {}

  /**
   * @param problems receives one line per entry that names nothing usable
   * @return the jars, in the order given, each once
   */
  static List<Path> expand(String value, List<String> problems) {
    List<Path> jars = new ArrayList<>();
    for (String part : value.split(",")) {
      String entry = part.trim();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        for (Path jar : jarsOf(entry)) {
          if (!jars.contains(jar)) {
            jars.add(jar);
          }
        }
      } catch (SecretsConfigurationException e) {
        problems.add(e.getMessage());
      }
    }
    return jars;
  }

  private static List<Path> jarsOf(String entry) {
    Path path;
    try {
      path = Path.of(entry).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw named("'" + entry + "'", "is not a valid path.");
    }
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw named(
          path.toString(),
          Files.exists(path) ? "is neither a jar file nor a folder of jars." : "does not exist.");
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
      for (Path child : children) {
        if (child.getFileName().toString().endsWith(".jar") && Files.isRegularFile(child)) {
          jars.add(child);
        }
      }
    } catch (IOException e) {
      throw named(path.toString(), "cannot be listed (" + e.getClass().getSimpleName() + ").");
    }
    if (jars.isEmpty()) {
      throw named("folder " + path, "holds no *.jar file.");
    }
    Collections.sort(jars);
    return jars;
  }

  private static SecretsConfigurationException named(String what, String problem) {
    return new SecretsConfigurationException(
        "The extension " + what + " named in '" + AgentKeys.EXTENSIONS + "' " + problem);
  }
}
