package io.kailash.demo;

import io.kailash.runtime.ExecutionResult;
import io.kailash.runtime.LocalRuntime;
import io.kailash.runtime.WorkflowExecutionException;
import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the demo workflow against a local API server and says what happened, never a secret.
 *
 * <pre>
 * java -javaagent:agent/target/kailash-secrets.jar=config=demo-app/kailash-secrets.properties \
 *      -jar demo-app/target/kailash-secrets-demo.jar            # the agent injects the secrets
 * java -jar demo-app/target/kailash-secrets-demo.jar --with-runtime-provider   # LocalRuntime does
 * </pre>
 *
 * Exit codes: 0 the token was issued, verified and accepted; 1 the run failed or the server
 * refused; 2 secrets are missing or were not injected; 64 bad arguments.
 */
public final class DemoApp {

  static final String RUNTIME_PROVIDER_FLAG = "--with-runtime-provider";
  private static final List<String> SECRETS = List.of("jwt-signing-key", "api-token");
  private static final String USAGE =
      "usage: java [-javaagent:agent/target/kailash-secrets.jar=config=demo-app/kailash-secrets.properties]"
          + " -jar demo-app/target/kailash-secrets-demo.jar ["
          + RUNTIME_PROVIDER_FLAG
          + "] [--subject NAME]";

  private final EnvironmentSecretProvider environment;
  private final PrintStream out;
  private final PrintStream err;

  DemoApp(EnvironmentSecretProvider environment, PrintStream out, PrintStream err) {
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new DemoApp(new EnvironmentSecretProvider(), System.out, System.err).run(args));
  }

  int run(String... args) {
    boolean runtimeProvider = false;
    String subject = "alice";
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(RUNTIME_PROVIDER_FLAG)) {
        runtimeProvider = true;
      } else if (args[i].equals("--subject") && i + 1 < args.length) {
        subject = args[++i];
      } else {
        err.println(USAGE);
        return 64;
      }
    }
    // The API server plays a remote service that has its own copy of the token.
    try (DemoApiServer server = new DemoApiServer(serverToken(), header -> {})) {
      out.println(
          "kailash-secrets demo: secrets injected by "
              + (runtimeProvider
                  ? "LocalRuntime's environment provider"
                  : "the kailash-secrets agent (if attached)"));
      LocalRuntime runtime = runtimeProvider ? new LocalRuntime(environment) : new LocalRuntime();
      return report(runtime.execute(DemoWorkflow.build(subject, server.sessionsUrl())));
    } catch (WorkflowExecutionException failed) {
      return explain(failed);
    } catch (IOException serverFailed) {
      err.println("Could not start the local API server: " + serverFailed);
      return 1;
    }
  }

  private String serverToken() {
    try {
      return environment.getSecret("api-token");
    } catch (SecretNotFoundException absent) {
      return null;
    }
  }

  private int report(ExecutionResult result) {
    Map<String, Object> issued = result.outputs("issue_token");
    Map<String, Object> verified = result.outputs("verify_token");
    Map<String, Object> call = result.outputs("call_api");
    boolean signatureOk = Boolean.TRUE.equals(verified.get("verified"));
    int status = (Integer) call.get("status");
    out.printf("  issue_token   token issued for %s (HS256)%n", issued.get("subject"));
    out.printf(
        "  verify_token  %s%n",
        signatureOk ? "signature verified for " + verified.get("subject") : "signature INVALID");
    out.printf("  call_api      server answered %d (%s)%n", status, call.get("body"));
    out.printf("Run %s finished; no secret was printed.%n", result.runId());
    return signatureOk && status == 200 ? 0 : 1;
  }

  private int explain(WorkflowExecutionException failed) {
    for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
      if (cause instanceof SecretNotFoundException missing) {
        err.printf(
            "Missing secret(s) %2$s, needed by node '%1$s'.%nThe demo reads its secrets from these environment variables:%n%3$s%n",
            failed.nodeId(),
            missing.missing().stream().map(SecretRef::name).collect(Collectors.joining(", ")),
            SECRETS.stream()
                .map(name -> "  export " + environment.variableFor(name, "") + "=...")
                .collect(Collectors.joining("\n")));
        return 2;
      }
      if (cause instanceof InjectedSecret.SecretNotInjectedException) {
        err.printf(
            "Node '%s' ran without its secrets: nothing injected them.%n"
                + "Attach the agent (-javaagent:agent/target/kailash-secrets.jar="
                + "config=demo-app/kailash-secrets.properties) or pass %s.%n",
            failed.nodeId(), RUNTIME_PROVIDER_FLAG);
        return 2;
      }
    }
    err.println("The workflow failed: " + failed.getMessage());
    return 1;
  }
}
