package io.kailash.secrets.agent.internal.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Locale;
import org.slf4j.event.Level;

/**
 * Where and from which level the agent's own log lines go: stderr by default, or the file named by
 * {@code log.file}; never stdout, which belongs to the application. Set once at start, before the
 * first logger is used.
 */
public final class AgentLogOutput {

  private static volatile Level threshold = Level.INFO;
  private static volatile PrintStream out = System.err;

  private AgentLogOutput() {}

  /**
   * @param level error, warn, info, debug or trace
   * @param file the log file, appended to, or {@code null} for stderr
   */
  public static void configure(String level, Path file) throws IOException {
    threshold = Level.valueOf(level.toUpperCase(Locale.ROOT));
    if (file != null) {
      out =
          new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8);
    }
  }

  static boolean isEnabled(Level level) {
    return level.toInt() >= threshold.toInt();
  }

  /**
   * HH:mm:ss.SSS by hand: a DateTimeFormatter loads dozens of java.time classes in premain, where
   * every class costs start-up time.
   */
  private static StringBuilder appendTime(StringBuilder line, LocalTime time) {
    twoDigits(line, time.getHour()).append(':');
    twoDigits(line, time.getMinute()).append(':');
    twoDigits(line, time.getSecond()).append('.');
    int millis = time.getNano() / 1_000_000;
    return line.append(millis < 100 ? "0" : "").append(millis < 10 ? "0" : "").append(millis);
  }

  private static StringBuilder twoDigits(StringBuilder line, int value) {
    return line.append(value < 10 ? "0" : "").append(value);
  }

  static void write(Level level, String logger, String message, Throwable failure) {
    StringBuilder line =
        appendTime(new StringBuilder(128), LocalTime.now())
            .append(" kailash-secrets ")
            .append(level)
            .append(' ')
            .append(logger)
            .append(": ")
            .append(message);
    if (failure != null && !isEnabled(Level.DEBUG)) {
      // One line per problem unless debugging: stack traces alarm users more than they help.
      line.append(" (").append(failure).append(')');
    }
    PrintStream target = out;
    synchronized (target) {
      target.println(line);
      if (failure != null && isEnabled(Level.DEBUG)) {
        failure.printStackTrace(target);
      }
    }
  }
}
