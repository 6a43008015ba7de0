package io.kailash.it.apps.failclosed;

import io.kailash.it.apps.Outcome;
import io.kailash.workflow.Node;
import java.util.Map;

/** Base of the fail-closed test nodes: their body says that it ran, and what it received. */
public abstract class ReportingNode extends Node {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    System.out.println("body ran: " + getClass().getName());
    return Map.of("token", Outcome.of(inputs, "api_token", "KAILASH_SECRET_API_TOKEN"));
  }
}
