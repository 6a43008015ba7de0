package io.kailash.secrets.agent.internal.transform;

/** Has the shape of AgentHandoff's run-start hook: an empty static {@code beforeRun(String[])}. */
public final class RunStartHookSample {

  private RunStartHookSample() {}

  public static void beforeRun(String[] secretRefs) {
    // Empty, as in the api: the weaver adds the call to the bridge.
  }

  public static void nodeStarting(String[] runAndNode) {
    // Empty, as in the api: the weaver adds the call to the bridge.
  }
}
