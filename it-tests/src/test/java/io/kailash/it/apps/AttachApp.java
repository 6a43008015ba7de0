package io.kailash.it.apps;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs its node once, says "ready" and waits for a line on stdin (the test attaches the agent
 * meanwhile), then runs the same, already loaded node class again.
 */
public final class AttachApp {

  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static final class TokenNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("token", Outcome.of(inputs, "api_token", "KAILASH_SECRET_API_TOKEN"));
    }
  }

  public static void main(String[] args) throws IOException {
    System.out.println("before=" + new TokenNode().run(new HashMap<>()).get("token"));
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    System.out.println("after=" + new TokenNode().run(new HashMap<>()).get("token"));
  }
}
