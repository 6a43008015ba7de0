package io.kailash.secrets;

import java.util.Objects;

/**
 * A parameter value whose {@code {param}} placeholders may be filled with the node's own declared
 * secrets, e.g. {@code SecretTemplate.of("Bearer {api_token}")}: the explicit opt-in to filling for
 * maps passed straight to {@code node.run(map)} under the agent.
 *
 * <p>Placeholders are filled only where the workflow's author asked for it: in the parameters given
 * to {@code WorkflowBuilder.addNode} (plain strings there are templates), and in values of this
 * type. A plain string that arrives any other way (a run-time override, another node's output, a
 * map handed to {@code run} directly) stays literal, so text from users or upstream systems can
 * never pull a secret into a node's inputs. The node receives the filled text as a {@code String};
 * where nothing is injected (no agent, no provider, or a node without secrets) it receives this
 * object, whose {@link #toString()} is the unfilled template.
 */
public final class SecretTemplate {

  private final String template;

  private SecretTemplate(String template) {
    this.template = template;
  }

  /**
   * @param template text with {@code {param}} placeholders naming the node's secret parameters
   */
  public static SecretTemplate of(String template) {
    return new SecretTemplate(Objects.requireNonNull(template, "template"));
  }

  /** The template as written, placeholders unfilled. */
  public String template() {
    return template;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretTemplate that && template.equals(that.template);
  }

  @Override
  public int hashCode() {
    return template.hashCode();
  }

  /** The unfilled template: it holds no secret. */
  @Override
  public String toString() {
    return template;
  }
}
