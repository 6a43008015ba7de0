package io.kailash.demo;

import io.kailash.workflow.NodeRegistry;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.net.URI;
import java.util.Map;

/**
 * The demo workflow: issue a JWT, verify it, and post it to the API with the API token in the
 * {@code Authorization} header. No secret appears here: nodes declare what they need, and the
 * header holds a {@code {api_token}} placeholder.
 */
public final class DemoWorkflow {

  static {
    NodeRegistry.global()
        .register(TokenGeneratorNode.class)
        .register(TokenVerifierNode.class)
        .register(HTTPRequestNode.class);
  }

  private DemoWorkflow() {}

  public static Workflow build(String subject, URI apiUrl) {
    return new WorkflowBuilder()
        .addNode(
            "TokenGeneratorNode", "issue_token", Map.of("subject", subject, "ttl_seconds", 300))
        .addNode("TokenVerifierNode", "verify_token", Map.of())
        .addNode(
            "HTTPRequestNode",
            "call_api",
            Map.of(
                "url", apiUrl.toString(),
                "method", "POST",
                "headers",
                    Map.of(
                        "Authorization", "Bearer {api_token}", "Content-Type", "application/jwt")))
        .connect("issue_token", "token", "verify_token", "token")
        .connect("issue_token", "token", "call_api", "body")
        .build();
  }
}
