package io.kailash.secrets.agent.internal.check;

import io.kailash.secrets.agent.internal.check.CheckResult.NodeReport;
import io.kailash.secrets.agent.internal.check.CheckResult.ProviderState;
import io.kailash.secrets.agent.internal.check.CheckResult.SecretReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The {@code check} report for tools: one JSON object. Written by hand, so that the output does not
 * depend on which JSON library the agent happens to bundle.
 */
final class JsonReport {

  private final StringBuilder json = new StringBuilder();

  private JsonReport() {}

  static void print(CheckResult result, PrintStream out) {
    JsonReport report = new JsonReport();
    report.write(result);
    out.println(report.json);
  }

  private void write(CheckResult result) {
    json.append("{\"config\":");
    string(result.configFile());
    json.append(",\"exitCode\":").append(result.exitCode());
    json.append(",\"configErrors\":");
    strings(result.configProblems());
    json.append(",\"policy\":");
    string(result.policy());
    json.append(",\"configured\":");
    strings(result.configured());
    json.append(",\"notes\":");
    strings(result.notes());
    json.append(",\"providers\":[");
    for (int i = 0; i < result.providers().size(); i++) {
      ProviderState provider = result.providers().get(i);
      json.append(i == 0 ? "{" : ",{").append("\"name\":");
      string(provider.name());
      json.append(",\"type\":");
      string(provider.type());
      json.append(",\"ok\":").append(provider.ok()).append(",\"failure\":");
      string(provider.failure());
      json.append('}');
    }
    json.append("],\"nodes\":[");
    for (int i = 0; i < result.nodes().size(); i++) {
      NodeReport node = result.nodes().get(i);
      json.append(i == 0 ? "{" : ",{").append("\"class\":");
      string(node.nodeClass());
      json.append(",\"secrets\":[");
      for (int j = 0; j < node.secrets().size(); j++) {
        json.append(j == 0 ? "" : ",");
        secret(node.secrets().get(j));
      }
      json.append("]}");
    }
    json.append("]}");
  }

  private void secret(SecretReport secret) {
    json.append("{\"name\":");
    string(secret.name());
    json.append(",\"parameter\":");
    string(secret.parameter());
    json.append(",\"optional\":").append(secret.optional()).append(",\"version\":");
    string(secret.version());
    json.append(",\"status\":");
    string(secret.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    json.append(",\"provider\":");
    string(secret.provider());
    json.append(",\"detail\":");
    string(secret.detail());
    json.append(",\"policy\":");
    string(secret.allowed() ? "allow" : "deny");
    json.append(",\"fails\":").append(secret.fails()).append('}');
  }

  private void strings(List<String> values) {
    json.append('[');
    for (int i = 0; i < values.size(); i++) {
      json.append(i == 0 ? "" : ",");
      string(values.get(i));
    }
    json.append(']');
  }

  private void string(String value) {
    if (value == null) {
      json.append("null");
      return;
    }
    json.append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
