package io.kailash.secrets.agent;

import io.kailash.secrets.agent.bridge.SecretsBridge;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.jar.JarFile;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}).
 *
 * <p>Rules, as in the OpenTelemetry and Datadog entry classes: do as little as possible here, use
 * only the JDK, never throw (a failure disables the agent and says so on stderr, never on stdout),
 * and hand over to the isolated implementation at once. {@code premain} and {@code agentmain} share
 * one idempotent start, so a second {@code -javaagent} or a later attach is ignored.
 */
public final class KailashSecretsAgent {

  private static final String STARTER = "io.kailash.secrets.agent.internal.AgentStarter";
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private KailashSecretsAgent() {}

  public static void premain(String agentArgs, Instrumentation instrumentation) {
    if (JdkTools.isJdkTool(System.getProperty("sun.java.command"))) {
      return; // JAVA_TOOL_OPTIONS carried the agent into javac, jcmd, jar ...: stay out, silently
    }
    start(agentArgs, instrumentation, false);
  }

  public static void agentmain(String agentArgs, Instrumentation instrumentation) {
    start(agentArgs, instrumentation, true);
  }

  private static void start(String agentArgs, Instrumentation instrumentation, boolean attached) {
    if (!STARTED.compareAndSet(false, true)) {
      System.err.println("kailash-secrets: the agent is already running; ignoring this start.");
      return;
    }
    try {
      Path jar = agentJar();
      ClassLoader isolated = new IsolatedClassLoader(jar, ClassLoader.getPlatformClassLoader());
      // why reflection: the starter lives in the isolated loader, which this class cannot see by
      // design; this is the only reflective call between the two.
      Method start =
          Class.forName(STARTER, true, isolated)
              .getMethod(
                  "start",
                  String.class,
                  Instrumentation.class,
                  boolean.class,
                  Path.class,
                  Class.class,
                  BiConsumer.class);
      start.invoke(
          null,
          agentArgs,
          instrumentation,
          attached,
          jar,
          SecretsBridge.class,
          new BridgeInstaller());
    } catch (InvocationTargetException e) {
      disabled(e.getCause());
    } catch (Throwable e) {
      disabled(e);
    }
  }

  /**
   * Lets the isolated implementation fill in the bridge through a JDK type. A class rather than a
   * method reference: the first lambda of a JVM costs milliseconds of start-up.
   */
  private static final class BridgeInstaller
      implements BiConsumer<BiFunction<Object, String[], Object>, Function<Throwable, Object>> {
    @Override
    public void accept(
        BiFunction<Object, String[], Object> implementation,
        Function<Throwable, Object> faultHandler) {
      SecretsBridge.install(implementation, faultHandler);
    }
  }

  private static void disabled(Throwable cause) {
    System.err.println(
        "kailash-secrets: the agent failed to start and is disabled; nodes run without injected"
            + " secrets: "
            + cause);
  }

  /** The jar this class was loaded from, checked to be a kailash-secrets agent jar. */
  private static Path agentJar() throws Exception {
    CodeSource source = KailashSecretsAgent.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("cannot locate the agent jar");
    }
    Path jar;
    try {
      jar = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the agent jar: " + source.getLocation(), e);
    }
    // A copy of this class shaded into an application jar must not start: the isolated classes
    // would be missing (OpenTelemetry's verifyJarManifestMainClassIsThis does the same check).
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      String premain = file.getManifest().getMainAttributes().getValue("Premain-Class");
      if (!KailashSecretsAgent.class.getName().equals(premain)) {
        throw new IllegalStateException(jar + " is not the kailash-secrets agent jar");
      }
    }
    return jar;
  }
}
