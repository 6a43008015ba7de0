package io.kailash.secrets.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code sun.java.command} values below are what the JDK 17 and 25 launchers set. */
class JdkToolsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdk.compiler/com.sun.tools.javac.Main -version",
        "jdk.jartool/sun.tools.jar.Main --version",
        "jdk.jcmd/sun.tools.jcmd.JCmd 4711 VM.flags",
        "jdk.jcmd/sun.tools.jps.Jps -l",
        "java.base/sun.security.tools.keytool.Main -list",
        "jdk.jshell/jdk.internal.jshell.tool.JShellToolProvider",
        "jdk.jlink/jdk.tools.jlink.internal.Main --help",
        "jdk.jfr/jdk.jfr.internal.tool.Main print x.jfr",
        "jdk.hotspot.agent/sun.jvm.hotspot.SALauncher",
        "sun.tools.jar.Main cf x.jar", // a tool started from the class path
        "com.sun.tools.javac.Main Foo.java",
        "sun.security.tools.keytool.Main",
      })
  void recognisesJdkTools(String javaCommand) {
    assertThat(JdkTools.isJdkTool(javaCommand)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "com.acme.App --port 8080",
        "io.kailash.demo.DemoApp",
        "/opt/java.apps/app.jar serve", // java -jar: a path, even one that looks like a module
        "java.apps/app.jar",
        "com.acme.app/com.acme.Main", // an application module
        "jdk.compiler/com.sun.tools.javac.launcher.Main Hello.java", // java Hello.java (17)
        "jdk.compiler/com.sun.tools.javac.launcher.SourceLauncher Hello.java", // (25)
        "   ",
      })
  void leavesApplicationsAlone(String javaCommand) {
    assertThat(JdkTools.isJdkTool(javaCommand)).isFalse();
  }
}
