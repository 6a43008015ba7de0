package io.kailash.secrets.agent.internal.check;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code check} command's arguments.
 *
 * @param config the agent's configuration file
 * @param application the folders and jars to scan; empty to check the configuration alone
 * @param json whether to print JSON instead of text
 */
record CheckArguments(Path config, List<Path> application, boolean json) {

  static final String USAGE =
      "usage: java -jar kailash-secrets.jar check --config FILE"
          + " [--classpath CP | --jar app.jar] [--format text|json]";

  /** A usage error: the command prints it with the usage line and exits with 2. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static CheckArguments parse(List<String> args) throws UsageException {
    Path config = null;
    List<Path> application = null;
    String format = "text";
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (!List.of("--config", "--classpath", "--jar", "--format").contains(option)) {
        throw new UsageException("unknown option '" + option + "'");
      }
      if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
        throw new UsageException(option + " needs a value");
      }
      String value = args.get(++i);
      switch (option) {
        case "--config" -> config = Path.of(value);
        case "--format" -> format = value;
        default -> {
          if (application != null) {
            throw new UsageException("give one of --classpath and --jar, once");
          }
          application = option.equals("--jar") ? List.of(Path.of(value)) : classPath(value);
        }
      }
    }
    if (config == null) {
      throw new UsageException("--config is required");
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format is text or json, not '" + format + "'");
    }
    for (Path entry : application == null ? List.<Path>of() : application) {
      if (!Files.exists(entry)) {
        throw new UsageException("the application path '" + entry + "' does not exist");
      }
    }
    return new CheckArguments(
        config, application == null ? List.of() : application, format.equals("json"));
  }

  private static List<Path> classPath(String value) {
    List<Path> entries = new ArrayList<>();
    for (String entry : value.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }
}
