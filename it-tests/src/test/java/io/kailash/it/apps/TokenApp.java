package io.kailash.it.apps;

import java.util.HashMap;

/** Runs one {@link TokenNode} directly and says whether it got its secret. */
public final class TokenApp {

  public static void main(String[] args) {
    System.out.println("token=" + new TokenNode().run(new HashMap<>()).get("token"));
  }
}
