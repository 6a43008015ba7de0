package io.kailash.secrets.agent;

import io.kailash.secrets.agent.bridge.SecretsBridge;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.jar.JarFile;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}).
 *
 * <p>Rules, as in the OpenTelemetry and Datadog entry classes: do as little as possible here, use
 * only the JDK, never throw, write nothing on stdout, and hand over to the isolated implementation
 * at once. A failure follows {@code on-config-error} as far as it can be read here: the JVM stops
 * with exit code 1 (the default at {@code -javaagent}), or the agent is disabled with one line.
 * {@code premain} and {@code agentmain} share one start: once it succeeded, a second {@code
 * -javaagent} or a later attach is ignored; a start that disabled itself does not block a later
 * one.
 */
public final class KailashSecretsAgent {

  private static final String STARTER = "io.kailash.secrets.agent.internal.AgentStarter";
  private static boolean started;

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

  private static synchronized void start(
      String agentArgs, Instrumentation instrumentation, boolean attached) {
    if (started) {
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
                  BiPredicate.class);
      started =
          (Boolean)
              start.invoke(
                  null,
                  agentArgs,
                  instrumentation,
                  attached,
                  jar,
                  SecretsBridge.class,
                  new BridgeInstaller());
    } catch (InvocationTargetException e) {
      failed(e.getCause(), agentArgs, attached);
    } catch (Throwable e) {
      failed(e, agentArgs, attached);
    }
  }

  /**
   * Lets the isolated implementation fill in the bridge through a JDK type. A class rather than a
   * method reference: the first lambda of a JVM costs milliseconds of start-up.
   */
  private static final class BridgeInstaller
      implements BiPredicate<Function<Object, Object>, Function<Throwable, Object>> {
    @Override
    public boolean test(
        Function<Object, Object> implementation, Function<Throwable, Object> faultHandler) {
      return SecretsBridge.install(implementation, faultHandler);
    }
  }

  /**
   * A failure before the isolated starter could apply {@code on-config-error} (the agent jar is
   * unreadable, the starter cannot be loaded): the file is out of reach here, so {@code warn} is
   * honoured when given as agent argument, system property or environment variable.
   */
  private static void failed(Throwable cause, String agentArgs, boolean attached) {
    boolean warn =
        (agentArgs != null && agentArgs.replace(" ", "").contains("on-config-error=warn"))
            || "warn".equals(System.getProperty("kailash.secrets.on-config-error"))
            || "warn".equals(System.getenv("KAILASH_SECRETS_ON_CONFIG_ERROR"));
    String line = "kailash-secrets: the agent failed to start (" + cause.getClass().getName() + ")";
    if (warn || attached) {
      System.err.println(line + "; it is disabled and nodes run without injected secrets.");
      return;
    }
    System.err.println(line + ". The JVM stops (set on-config-error=warn to run without it).");
    System.exit(1);
  }

  /** The jar this class was loaded from, checked to be a kailash-secrets agent jar. */
  static Path agentJar() throws Exception {
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
