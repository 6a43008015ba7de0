package io.kailash.it.apps;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.workflow.Node;
import java.util.HashMap;

/**
 * Runs the {@link VaultNodes} directly, catching the agent's failures as the application's own
 * exception classes, and prints one line per node (never a value).
 */
public final class VaultApp {

  public static void main(String[] args) {
    System.out.println("token=" + run(new VaultNodes.ApiTokenNode(), "token"));
    System.out.println("password=" + run(new VaultNodes.DbPasswordNode(), "password"));
    System.out.println("missing=" + run(new VaultNodes.MissingNode(), "missing"));
    System.out.println("forbidden=" + run(new VaultNodes.ForbiddenNode(), "key"));
  }

  private static Object run(Node node, String output) {
    try {
      return node.run(new HashMap<>()).get(output);
    } catch (SecretNotFoundException e) {
      return "not-found";
    } catch (SecretBackendException e) {
      return e.reason();
    }
  }
}
