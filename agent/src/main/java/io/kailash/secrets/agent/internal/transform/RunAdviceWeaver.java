package io.kailash.secrets.agent.internal.transform;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Inlines the agent's advice at the start of the instrumented {@code method(Map)}, using the ASM
 * that Byte Buddy ships. The woven code is exactly this, as if written at the top of the method:
 *
 * <pre>{@code
 * if (AgentHandoff.needsSecrets(this, params)) {
 *   params = AgentHandoff.inject(this, params, SecretsBridge.resolve(this));
 * }
 * }</pre>
 *
 * <p>Inlined, it runs in the node's class loader: {@code AgentHandoff} is the application's own api
 * class (so the exceptions it throws are those application code catches), and {@code SecretsBridge}
 * is found by ordinary delegation to the system class loader, which holds the agent jar. Nothing is
 * suppressed: the not-found and backend exceptions must reach the caller, and the bridge itself
 * never throws.
 *
 * <p>why not Byte Buddy's {@code Advice}: it does the same, but its first use loads ~780 classes
 * into the agent's (verified) class loader, measured at +235 ms of JVM start-up here against a goal
 * of 100 ms for the whole agent. This visitor loads ~30. Only members' code changes (no member is
 * added or renamed), so the class format is unchanged and retransformation works.
 */
final class RunAdviceWeaver {

  private static final String HANDOFF = "io/kailash/secrets/injection/AgentHandoff";
  private static final String BRIDGE = "io/kailash/secrets/agent/bridge/SecretsBridge";
  private static final String MAP_PARAMETER = "(Ljava/util/Map;)";
  private static final int NOT_WOVEN =
      Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE;

  private final String method;

  RunAdviceWeaver(String method) {
    this.method = method;
  }

  byte[] weave(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    // Passing the reader lets ASM copy the constant pool and every method we do not change as is.
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new AdvisingClassVisitor(writer), 0);
    return writer.toByteArray();
  }

  private final class AdvisingClassVisitor extends ClassVisitor {
    private boolean framesRequired;

    AdvisingClassVisitor(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visit(
        int version,
        int access,
        String name,
        String signature,
        String superName,
        String[] interfaces) {
      // Class files from Java 6 on carry stack map frames; a new branch target needs one.
      framesRequired = (version & 0xFFFF) >= Opcodes.V1_6;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
      boolean target =
          name.equals(method) && descriptor.startsWith(MAP_PARAMETER) && (access & NOT_WOVEN) == 0;
      return target ? new EnterAdvice(next, framesRequired) : next;
    }
  }

  private static final class EnterAdvice extends MethodVisitor {
    private static final int STACK_NEEDED = 3;
    private final boolean framesRequired;

    EnterAdvice(MethodVisitor next, boolean framesRequired) {
      super(Opcodes.ASM9, next);
      this.framesRequired = framesRequired;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      Label original = new Label();
      thisAndParams();
      invokeStatic(HANDOFF, "needsSecrets", "(Ljava/lang/Object;Ljava/util/Map;)Z");
      super.visitJumpInsn(Opcodes.IFEQ, original);
      thisAndParams();
      super.visitVarInsn(Opcodes.ALOAD, 0);
      invokeStatic(BRIDGE, "resolve", "(Ljava/lang/Object;)Ljava/lang/Object;");
      invokeStatic(
          HANDOFF,
          "inject",
          "(Ljava/lang/Object;Ljava/util/Map;Ljava/lang/Object;)Ljava/util/Map;");
      super.visitVarInsn(Opcodes.ASTORE, 1);
      super.visitLabel(original);
      if (framesRequired) {
        // The locals and stack here are those the method starts with.
        super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
      }
      // why: if the original code starts with a branch target it has a frame at its first
      // instruction; the NOP keeps that frame from landing on the same offset as ours.
      super.visitInsn(Opcodes.NOP);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(Math.max(maxStack, STACK_NEEDED), Math.max(maxLocals, 2));
    }

    private void thisAndParams() {
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitVarInsn(Opcodes.ALOAD, 1);
    }

    private void invokeStatic(String owner, String name, String descriptor) {
      super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, descriptor, false);
    }
  }
}
