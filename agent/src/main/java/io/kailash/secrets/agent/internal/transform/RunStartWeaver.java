package io.kailash.secrets.agent.internal.transform;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Makes the application's {@code AgentHandoff.beforeRun(String[])}, which {@code LocalRuntime}
 * calls when a run without a provider starts, hand the run's secrets to the agent:
 *
 * <pre>{@code
 * public static void beforeRun(String[] secretRefs) {
 *   SecretsBridge.beforeRun(secretRefs);   // woven in
 *   // the original (empty) body
 * }
 * }</pre>
 *
 * <p>So the agent can load a whole workflow's secrets with one batch read before its first node
 * runs, as {@code LocalRuntime} does with a provider of its own. {@code nodeStarting(String[])}
 * (the run and node id around each node's run) is woven the same way, for the audit records.
 * Nothing but these two methods changes.
 */
final class RunStartWeaver {

  static final String HANDOFF = "io/kailash/secrets/injection/AgentHandoff";

  /** The hooks, each woven to call the bridge's method of the same name and descriptor. */
  private static final java.util.Set<String> HOOKS = java.util.Set.of("beforeRun", "nodeStarting");

  private static final String HOOK_DESCRIPTOR = "([Ljava/lang/String;)V";
  private static final String BRIDGE = "io/kailash/secrets/agent/bridge/SecretsBridge";

  byte[] weave(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            boolean hook =
                HOOKS.contains(name)
                    && descriptor.equals(HOOK_DESCRIPTOR)
                    && (access & Opcodes.ACC_STATIC) != 0;
            return hook ? new CallBridgeFirst(next, name) : next;
          }
        },
        0);
    return writer.toByteArray();
  }

  private static final class CallBridgeFirst extends MethodVisitor {
    private final String hook;

    CallBridgeFirst(MethodVisitor next, String hook) {
      super(Opcodes.ASM9, next);
      this.hook = hook;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      // No branch is added, so no stack map frame is needed.
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, hook, HOOK_DESCRIPTOR, false);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(Math.max(maxStack, 1), Math.max(maxLocals, 1));
    }
  }
}
