package io.kailash.it.apps;

/**
 * Runs the {@link AppNodes} and {@link VaultNodes} directly, catching the agent's failures as the
 * application's own exception classes, and prints one line per node (never a value).
 */
public final class VaultApp {

  public static void main(String[] args) {
    System.out.println("token=" + AppNodes.outcomeOf(new AppNodes.ApiTokenNode(), "token"));
    System.out.println("password=" + AppNodes.outcomeOf(new AppNodes.DbPasswordNode(), "password"));
    System.out.println("missing=" + AppNodes.outcomeOf(new AppNodes.MissingNode(), "missing"));
    System.out.println("forbidden=" + AppNodes.outcomeOf(new VaultNodes.ForbiddenNode(), "key"));
  }
}
