package io.kailash.it.apps;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Two named Vault instances, {@code vault-prod} and {@code vault-shared}, in one chain. {@code
 * both}: a node that needs a secret only the first has and one only the second has, and one whose
 * secret neither has. {@code failing}: the second Vault fails; the node that needs its secret fails
 * naming it, three times, the first's node still resolves, and each instance's MBean shows its own
 * circuit. Never prints a value.
 */
public final class NamedVaultsApp {

  private static final long WAIT_MILLIS = 30_000;

  public static void main(String[] args) throws Exception {
    if (args[0].equals("both")) {
      System.out.println("both=" + new BothNode().run(new HashMap<>()).get("outcome"));
      System.out.println("missing=" + failure(new MissingNode()));
      return;
    }
    for (int i = 0; i < 3; i++) {
      System.out.println("shared=" + failure(new SharedNode()));
    }
    System.out.println("prod=" + new ProdNode().run(new HashMap<>()).get("outcome"));
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    for (String name : new String[] {"vault-prod", "vault-shared"}) {
      ObjectName bean = new ObjectName("io.kailash.secrets:type=Provider,name=" + name);
      System.out.println(name + "-circuit=" + await(server, bean));
    }
  }

  /** How the node failed: its reason, and which instance its message names. */
  private static String failure(Node node) {
    try {
      node.run(new HashMap<>());
      return "ran";
    } catch (SecretBackendException e) {
      String message = String.valueOf(e.getMessage());
      String named = message.contains("vault-shared") ? "names-vault-shared" : "names-other";
      boolean circuit = message.contains("circuit open for provider vault-shared");
      return e.reason() + "," + named + (circuit ? ",circuit-open" : "");
    } catch (SecretNotFoundException e) {
      boolean both = e.getMessage().contains("providers tried: vault-prod, vault-shared");
      return "not-found" + (both ? ",tried-vault-prod-and-vault-shared" : ",tried-other");
    }
  }

  private static Object await(MBeanServer server, ObjectName bean) throws Exception {
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (server.isRegistered(bean)) {
        return server.getAttribute(bean, "CircuitState");
      }
      Thread.sleep(50);
    }
    return "absent";
  }

  /** Needs a secret only vault-prod has and one only vault-shared has. */
  @SecretRequirement(name = "prod/db", parameter = "prod_db")
  @SecretRequirement(name = "shared/api-key", parameter = "shared_key")
  static final class BothNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of(
          "outcome",
          Outcome.of(inputs, "prod_db", "EXPECTED_PROD_DB")
              + ","
              + Outcome.of(inputs, "shared_key", "EXPECTED_SHARED_KEY"));
    }
  }

  /** Needs a secret neither instance has. */
  @SecretRequirement(name = "app/nowhere", parameter = "nowhere")
  static final class MissingNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("outcome", "ran without its secret");
    }
  }

  @SecretRequirement(name = "prod/db", parameter = "prod_db")
  static final class ProdNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("outcome", Outcome.of(inputs, "prod_db", "EXPECTED_PROD_DB"));
    }
  }

  @SecretRequirement(name = "shared/api-key", parameter = "shared_key")
  static final class SharedNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of("outcome", Outcome.of(inputs, "shared_key", "EXPECTED_SHARED_KEY"));
    }
  }
}
