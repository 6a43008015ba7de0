package io.kailash.secrets.agent.internal.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where and from which level the agent's own log lines go: stderr by default, or the file named by
 * {@code log.file}; never stdout, which belongs to the application. Set once at start, before the
 * first line is logged. Both {@link AgentLog} and the isolated SLF4J binding write here.
 *
 * <p>Levels are SLF4J's numbers ({@code org.slf4j.event.Level#toInt}), so that the binding can pass
 * them through, without loading SLF4J for the agent's own lines.
 */
public final class AgentLogOutput {

  static final int ERROR = 40;
  static final int WARN = 30;
  static final int INFO = 20;
  static final int DEBUG = 10;
  static final int TRACE = 0;

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private static volatile int threshold = INFO;
  private static volatile PrintStream out = System.err;

  private AgentLogOutput() {}

  /**
   * @param level error, warn, info, debug or trace (checked by the configuration)
   * @param file the log file, appended to, or {@code null} for stderr
   */
  public static void configure(String level, Path file) throws IOException {
    threshold = levelOf(level);
    out =
        file == null
            ? System.err
            : new PrintStream(
                new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8);
  }

  private static int levelOf(String name) {
    switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "error":
        return ERROR;
      case "warn":
        return WARN;
      case "debug":
        return DEBUG;
      case "trace":
        return TRACE;
      default:
        return INFO;
    }
  }

  private static String nameOf(int level) {
    if (level >= ERROR) {
      return "ERROR";
    }
    if (level >= WARN) {
      return "WARN";
    }
    if (level >= INFO) {
      return "INFO";
    }
    return level >= DEBUG ? "DEBUG" : "TRACE";
  }

  static boolean isEnabled(int level) {
    return level >= threshold;
  }

  /**
   * HH:mm:ss.SSS in UTC, by hand: LocalTime.now() or a DateTimeFormatter loads java.time and reads
   * the time-zone database (some 40 classes and a file) in premain, where every class costs
   * start-up time. The {@code Z} says it is UTC.
   */
  private static StringBuilder appendTime(StringBuilder line, long epochMillis) {
    long millisOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY);
    int seconds = (int) (millisOfDay / 1000);
    twoDigits(line, seconds / 3600).append(':');
    twoDigits(line, seconds / 60 % 60).append(':');
    twoDigits(line, seconds % 60).append('.');
    int millis = (int) (millisOfDay % 1000);
    return line.append(millis < 100 ? "0" : "").append(millis < 10 ? "0" : "").append(millis);
  }

  private static StringBuilder twoDigits(StringBuilder line, int value) {
    return line.append(value < 10 ? "0" : "").append(value);
  }

  static void write(int level, String logger, String message, Throwable failure) {
    StringBuilder line =
        appendTime(new StringBuilder(128), System.currentTimeMillis())
            .append("Z kailash-secrets ")
            .append(nameOf(level))
            .append(' ')
            .append(logger)
            .append(": ")
            .append(message);
    if (failure != null && !isEnabled(DEBUG)) {
      // One line per problem unless debugging: stack traces alarm users more than they help.
      line.append(" (").append(failure).append(')');
    }
    PrintStream target = out;
    synchronized (target) {
      target.println(line);
      if (failure != null && isEnabled(DEBUG)) {
        failure.printStackTrace(target);
      }
    }
  }
}
