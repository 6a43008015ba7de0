package io.kailash.secrets.awsagent;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the agent's SSRF token comes from: given, a file (the agent's install script writes {@code
 * /var/run/awssmatoken}), or an environment variable ({@code AWS_TOKEN} by default, as the agent
 * itself reads). Read at each request, since a token file may appear or change after our start.
 */
final class SsrfToken {

  static final String DEFAULT_VARIABLE = "AWS_TOKEN";

  private final String given;
  private final Path file;
  private final String variable;
  private final Map<String, String> environment;

  SsrfToken(String given, Path file, String variable, Map<String, String> environment) {
    this.given = given;
    this.file = file;
    this.variable = variable;
    this.environment = environment;
  }

  /**
   * @throws SecretBackendException {@code MISCONFIGURED} when no token can be found
   */
  String read(String provider, String secretName) {
    if (given != null) {
      return given;
    }
    if (file != null) {
      try {
        String token = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!token.isEmpty()) {
          return token;
        }
      } catch (IOException unreadable) {
        throw missing(provider, secretName, "the token file " + file + " cannot be read");
      }
      throw missing(provider, secretName, "the token file " + file + " is empty");
    }
    String token = environment.get(variable);
    if (token == null || token.isBlank()) {
      throw missing(provider, secretName, "the environment variable " + variable + " is not set");
    }
    return token.trim();
  }

  private static SecretBackendException missing(String provider, String name, String problem) {
    return new SecretBackendException(
        provider,
        name,
        Reason.MISCONFIGURED,
        "no SSRF token for the Secrets Manager Agent: "
            + problem
            + ". Set aws-agent.token-file (e.g. /var/run/awssmatoken) or aws-agent.token-env.");
  }

  @Override
  public String toString() {
    return given != null ? "given(****)" : file != null ? "file " + file : "env " + variable;
  }
}
