package io.kailash.secrets.awsagent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an {@link AwsAgentSecretProvider}. Defaults: {@code http://localhost:2773}, the token from
 * the environment variable {@code AWS_TOKEN}, a 5 s timeout. {@link #build()} does no I/O.
 */
public final class AwsAgentProviderBuilder {

  public static final URI DEFAULT_URL = URI.create("http://localhost:2773");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private String name = AwsAgentSecretProvider.NAME;
  private URI url = DEFAULT_URL;
  private Duration timeout = DEFAULT_TIMEOUT;
  private String token;
  private Path tokenFile;
  private String tokenVariable = SsrfToken.DEFAULT_VARIABLE;
  private Map<String, String> environment = System.getenv();

  AwsAgentProviderBuilder() {}

  /**
   * The agent's address; it must be on this host (the agent refuses forwarded requests).
   *
   * @throws IllegalArgumentException unless an http URL with a host and no path or query
   */
  public AwsAgentProviderBuilder url(String newUrl) {
    URI uri = URI.create(Objects.requireNonNull(newUrl, "url").trim().replaceAll("/+$", ""));
    if (!"http".equals(uri.getScheme())
        || uri.getHost() == null
        || !uri.getRawPath().isEmpty()
        || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "must be http://host:port with no path, e.g. http://localhost:2773, not " + newUrl);
    }
    this.url = uri;
    return this;
  }

  /** The limit for one whole exchange with the agent; 5 s by default. */
  public AwsAgentProviderBuilder timeout(Duration newTimeout) {
    if (newTimeout.isNegative() || newTimeout.isZero()) {
      throw new IllegalArgumentException("must be positive, was " + newTimeout);
    }
    this.timeout = newTimeout;
    return this;
  }

  /** The SSRF token itself (prefer {@link #tokenFile} or {@link #tokenVariable}). */
  public AwsAgentProviderBuilder token(String newToken) {
    this.token = newToken == null || newToken.isBlank() ? null : newToken.trim();
    return this;
  }

  /** A file holding the token, read at each request, e.g. {@code /var/run/awssmatoken}. */
  public AwsAgentProviderBuilder tokenFile(Path file) {
    this.tokenFile = file;
    return this;
  }

  /** The environment variable holding the token; {@code AWS_TOKEN} by default. */
  public AwsAgentProviderBuilder tokenVariable(String variable) {
    this.tokenVariable = Objects.requireNonNull(variable, "variable");
    return this;
  }

  /** The environment to read {@link #tokenVariable} from (tests); the process's by default. */
  public AwsAgentProviderBuilder environment(Map<String, String> newEnvironment) {
    this.environment = Map.copyOf(newEnvironment);
    return this;
  }

  /**
   * The provider's name in messages, audit records and JMX; {@code aws-agent} by default (the agent
   * gives a named instance its name).
   *
   * @throws IllegalArgumentException if blank or holding a control character
   */
  public AwsAgentProviderBuilder name(String newName) {
    Objects.requireNonNull(newName, "name");
    if (newName.isBlank() || newName.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("The provider name must be plain text, not blank");
    }
    this.name = newName.trim();
    return this;
  }

  public AwsAgentSecretProvider build() {
    return new AwsAgentSecretProvider(
        name, url, timeout, new SsrfToken(token, tokenFile, tokenVariable, environment));
  }
}
