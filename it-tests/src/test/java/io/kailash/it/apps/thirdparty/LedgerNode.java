package io.kailash.it.apps.thirdparty;

import io.kailash.workflow.Node;
import java.util.Map;

/** A third-party node whose configured required secret is nowhere: its body must never run. */
public class LedgerNode extends Node {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    System.out.println("the ledger body ran");
    return Map.of("ledger", "ran without its secret");
  }
}
