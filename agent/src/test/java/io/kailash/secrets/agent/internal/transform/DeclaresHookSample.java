package io.kailash.secrets.agent.internal.transform;

/** Has the shape of AgentHandoff's {@code agentDeclaresSecrets(Class)}: -1 until woven. */
public final class DeclaresHookSample {

  private DeclaresHookSample() {}

  public static int agentDeclaresSecrets(Class<?> nodeClass) {
    return -1;
  }
}
