package io.kailash.it.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * Runs its node once, says "ready" and waits for a line on stdin (the test attaches the agent
 * meanwhile), then runs the same, already loaded node class again.
 */
public final class AttachApp {

  public static void main(String[] args) throws IOException {
    System.out.println("before=" + new TokenNode().run(new HashMap<>()).get("token"));
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    System.out.println("after=" + new TokenNode().run(new HashMap<>()).get("token"));
  }
}
