package io.kailash.secrets.agent;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The agent jar's {@code Main-Class}: {@code java -jar kailash-secrets.jar check ...}. Like {@link
 * KailashSecretsAgent}, it uses only the JDK and hands over to the isolated implementation at once.
 * Exit codes: those of the command, 2 for an unknown command, 1 when the command cannot start.
 */
public final class KailashSecretsCommand {

  private static final String CHECK = "io.kailash.secrets.agent.internal.check.CheckCommand";
  private static final String USAGE =
      "usage: java -jar kailash-secrets.jar check --config FILE"
          + " [--classpath CP | --jar app.jar] [--format text|json]";

  private KailashSecretsCommand() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  private static int run(String[] args) {
    if (args.length == 0 || !args[0].equals("check")) {
      System.err.println(
          args.length == 0
              ? "kailash-secrets: name a command."
              : "kailash-secrets: unknown command '" + args[0] + "'.");
      System.err.println(USAGE);
      System.err.println(
          "As an agent: java -javaagent:kailash-secrets.jar -jar app.jar (see README.md).");
      return 2;
    }
    try {
      Path jar = KailashSecretsAgent.agentJar();
      ClassLoader isolated = new IsolatedClassLoader(jar, ClassLoader.getPlatformClassLoader());
      // why reflection: the command lives in the isolated loader, which this class cannot see.
      Method check =
          Class.forName(CHECK, true, isolated)
              .getMethod("run", String[].class, PrintStream.class, PrintStream.class);
      Object[] parameters = {Arrays.copyOfRange(args, 1, args.length), System.out, System.err};
      return (Integer) check.invoke(null, parameters);
    } catch (InvocationTargetException e) {
      return failed(e.getCause());
    } catch (Exception | LinkageError e) {
      return failed(e);
    }
  }

  private static int failed(Throwable cause) {
    System.err.println(
        "kailash-secrets check: the command failed (" + cause.getClass().getName() + ").");
    return 1;
  }
}
