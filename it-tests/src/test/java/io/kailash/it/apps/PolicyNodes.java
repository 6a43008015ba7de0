package io.kailash.it.apps;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.util.Map;

/**
 * Nodes for the secret policy through the agent. The policy grants {@code payments/**} to {@code
 * io.kailash.it.apps.PolicyNodes$Payments*}; the copied node declares a payments secret without
 * being listed.
 */
public final class PolicyNodes {

  private PolicyNodes() {}

  /** Listed in the policy. */
  @SecretRequirement(name = "payments/db#password", parameter = "password")
  public static class PaymentsNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("password", Outcome.of(inputs, "password", "EXPECTED_DB_PASSWORD"));
    }
  }

  /** Not listed, but inherits the requirement its listed superclass declares. */
  public static class RefundNode extends PaymentsNode {}

  /** Not listed: a copy of a payments node asking for a secret only payments nodes may have. */
  @SecretRequirement(name = "payments/ledger#key", parameter = "key")
  public static class CopiedNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("key", "ran without being allowed");
    }
  }
}
