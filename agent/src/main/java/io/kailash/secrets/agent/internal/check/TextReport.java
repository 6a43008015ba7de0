package io.kailash.secrets.agent.internal.check;

import io.kailash.secrets.agent.internal.check.CheckResult.NodeReport;
import io.kailash.secrets.agent.internal.check.CheckResult.ProviderState;
import io.kailash.secrets.agent.internal.check.CheckResult.SecretReport;
import java.io.PrintStream;

/** The {@code check} report for people: one block per section, one line per finding. */
final class TextReport {

  private TextReport() {}

  static void print(CheckResult result, PrintStream out) {
    out.println("kailash-secrets check of " + result.configFile());
    if (result.configProblems().isEmpty()) {
      out.println("Configuration: valid");
    } else {
      out.println("Configuration: " + result.configProblems().size() + " error(s)");
      for (String problem : result.configProblems()) {
        out.println("  ERROR " + problem);
      }
    }
    out.println("Providers:");
    for (ProviderState provider : result.providers()) {
      out.println(
          "  "
              + provider.name()
              + (provider.name().equals(provider.type()) ? "" : " (type " + provider.type() + ")")
              + ": "
              + (provider.ok()
                  ? "ok (reachable, authenticated, allowed to read)"
                  : "FAILED " + provider.failure()));
    }
    out.println("Policy: " + result.policy());
    if (!result.configured().isEmpty()) {
      out.println("Configured requirements (requirements.<class>):");
      for (String configured : result.configured()) {
        out.println("  " + configured);
      }
      for (String note : result.notes()) {
        out.println("  NOTE " + note);
      }
    }
    out.println("Node classes: " + result.nodes().size());
    for (NodeReport node : result.nodes()) {
      out.println("  " + node.nodeClass());
      for (SecretReport secret : node.secrets()) {
        out.println("    " + line(secret));
      }
    }
    int code = result.exitCode();
    out.println(code == 0 ? "Result: OK" : "Result: FAILED (exit 1)");
  }

  private static String line(SecretReport secret) {
    StringBuilder line = new StringBuilder(secret.fails() ? "FAIL " : "ok   ");
    line.append(secret.name());
    if (!secret.version().isEmpty()) {
      line.append(" (version ").append(secret.version()).append(')');
    }
    line.append(" -> parameter ").append(secret.parameter());
    line.append(secret.optional() ? ", optional" : ", required");
    line.append(", policy ").append(secret.allowed() ? "allows" : "DENIES");
    switch (secret.status()) {
      case RESOLVES -> line.append(", resolves from ").append(secret.provider());
      case NOT_FOUND -> line.append(", NOT FOUND: ").append(secret.detail());
      case BACKEND_ERROR ->
          line.append(", ERROR from ")
              .append(secret.provider())
              .append(": ")
              .append(secret.detail());
      case NOT_CHECKED -> line.append(", not checked: ").append(secret.detail());
    }
    return line.toString();
  }
}
