package io.kailash.secrets.agent;

/**
 * Recognises the JDK's own tools ({@code javac}, {@code jar}, {@code jcmd}, {@code keytool} ...),
 * which start a JVM that picks up the agent too when it is set in {@code JAVA_TOOL_OPTIONS}. The
 * agent stays out of them: no configuration is read (so a broken one cannot stop {@code jcmd}), no
 * transformer is registered. OpenTelemetry's agent does the same ({@code shouldSkipJdkTool}).
 */
final class JdkTools {

  /**
   * Main-class prefixes of the JDK tools, for JVMs that start them from the class path (as a JDK 8
   * launcher does) rather than from their module.
   */
  private static final String[] TOOL_PACKAGES = {
    "sun.tools.",
    "com.sun.tools.",
    "sun.security.tools.",
    "sun.jvm.hotspot.",
    "sun.rmi.",
    "jdk.internal.",
    "jdk.tools.",
    "jdk.jfr.internal.tool.",
    "jdk.jpackage.",
    "jdk.javadoc.",
  };

  /** Runs a single-file program ({@code java App.java}), which is an application, not a tool. */
  private static final String SOURCE_LAUNCHER = "com.sun.tools.javac.launcher.";

  private JdkTools() {}

  /**
   * Whether the JVM runs a JDK tool, judged by its {@code sun.java.command}: the launched main
   * class and arguments, e.g. {@code jdk.compiler/com.sun.tools.javac.Main -version}. A main class
   * in a {@code jdk.*} or {@code java.*} module is a tool: application modules may not use those
   * names.
   *
   * @param javaCommand the property's value, or null when the launcher set none (JNI-created JVMs)
   */
  static boolean isJdkTool(String javaCommand) {
    if (javaCommand == null || javaCommand.isBlank()) {
      return false;
    }
    String main = javaCommand.strip();
    int space = main.indexOf(' ');
    if (space >= 0) {
      main = main.substring(0, space);
    }
    int slash = main.indexOf('/');
    String mainClass = main.substring(slash + 1);
    if (main.endsWith(".jar") || mainClass.startsWith(SOURCE_LAUNCHER)) {
      return false; // java -jar app.jar, or java App.java: an application
    }
    if (slash >= 0 && (main.startsWith("jdk.") || main.startsWith("java."))) {
      return true;
    }
    for (String toolPackage : TOOL_PACKAGES) {
      if (mainClass.startsWith(toolPackage)) {
        return true;
      }
    }
    return false;
  }
}
