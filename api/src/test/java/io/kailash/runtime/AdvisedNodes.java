package io.kailash.runtime;

import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.injection.AgentHandoff;
import io.kailash.secrets.injection.AgentProtocol;
import io.kailash.workflow.Node;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nodes whose {@code run} starts with exactly the instructions the agent weaves in (see
 * docs/architecture.md), answered from {@link #AGENT_ANSWER} as the agent's bridge would: the agent
 * path of {@code LocalRuntime} without a provider, in-process.
 */
public final class AdvisedNodes {

  static final String TOKEN = "tok-agent-path-5e1f0c93";

  /** What the "agent" answers for parameter {@code api_token}. */
  static final Map<String, String> AGENT_ANSWER = Map.of("api_token", TOKEN);

  /** The last inputs each advised class received, after injection. */
  static final Map<Class<?>, Map<String, Object>> RECEIVED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private AdvisedNodes() {}

  static Map<String, Object> advice(Node node, Map<String, Object> params) {
    if (AgentHandoff.needsSecrets(node, params)) {
      params =
          AgentHandoff.inject(node, params, AgentProtocol.secrets(AGENT_ANSWER)); // as the bridge
    }
    RECEIVED.put(node.getClass(), params);
    return params;
  }

  /** Emits its {@code value} parameter: stands for user input entering the workflow. */
  public static final class InputNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("value", inputs.get("value"));
    }
  }

  /** Echoes what it got, and returns its token in every shape the masking must cover. */
  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static final class LeakyApiNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> params) {
      Map<String, Object> inputs = advice(this, params);
      String token = (String) inputs.get("api_token");
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("text", inputs.get("text"));
      out.put("header", inputs.get("header"));
      out.put("plain", token);
      out.put("chars", token.toCharArray());
      out.put("bytes", ("x" + token).getBytes(StandardCharsets.UTF_8));
      out.put("builder", new StringBuilder("sb:").append(token));
      out.put("optional", Optional.of(token));
      out.put("array", new Object[] {"a", token});
      out.put("nested", Map.of("list", List.of(Map.of("deep", Optional.of(token.toCharArray())))));
      out.put("set", java.util.Set.of("s:" + token));
      return out;
    }
  }

  /** Receives what the leaky node returned. */
  public static final class DownstreamNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      RECEIVED.put(getClass(), inputs);
      return Map.of("got", String.valueOf(inputs.get("got")));
    }
  }

  /** Parses its token as a number: the JDK's exception quotes the value. */
  @SecretRequirement(name = "api-token", parameter = "api_token")
  public static final class ParsingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> params) {
      Map<String, Object> inputs = advice(this, params);
      try {
        return Map.of("n", Integer.parseInt((String) inputs.get("api_token")));
      } catch (NumberFormatException e) {
        throw new IllegalStateException("cannot use the configured token", e);
      }
    }
  }
}
