package io.kailash.secrets.agent.internal.transform;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Arms the guard in the application's {@code AgentHandoff}, which {@code Node}'s constructor calls:
 *
 * <pre>{@code
 * static boolean underAgent() { return true; }                          // woven in
 * static String agentVerdict(Class<?> c) { return SecretsBridge.verdict(c); }   // loader sees us
 * static String agentVerdict(Class<?> c) { return "<why this loader is refused>"; } // it does not
 * static int agentDeclaresSecrets(Class<?> c) { return SecretsBridge.declaresSecrets(c); } // sees us
 * static String configuredClasses() { return "com.acme.A,com.acme.B"; }  // requirements.<class>
 * }</pre>
 *
 * <p>The second form is for a class loader whose classes cannot be woven (it cannot see the bridge,
 * or its api speaks another protocol): every node class there that declares secrets is refused. The
 * configured class names (the same in every loader) make a class whose requirements come from
 * configuration one that declares secrets, for the guard and for the advice's first check. The new
 * code returns before the original body, which stays as unreachable code behind a stack map frame,
 * so no member changes and retransformation works.
 */
final class GuardHookWeaver {

  private static final String BRIDGE = "io/kailash/secrets/agent/bridge/SecretsBridge";
  private static final String UNDER_AGENT = "underAgent()Z";
  private static final String VERDICT = "agentVerdict(Ljava/lang/Class;)Ljava/lang/String;";
  private static final String CONFIGURED = "configuredClasses()Ljava/lang/String;";

  private final String configuredClasses;

  /**
   * @param configuredClasses the binary names of the classes {@code requirements.<class>} names,
   *     comma-separated (empty: none)
   */
  GuardHookWeaver(String configuredClasses) {
    this.configuredClasses = configuredClasses;
  }

  /** Absent from api jars before issue 16: then not woven, and they read annotations themselves. */
  private static final String DECLARES = "agentDeclaresSecrets(Ljava/lang/Class;)I";

  /**
   * @param refusal {@code null} to ask the bridge, otherwise the fixed reason every node class of
   *     this loader is refused with
   */
  byte[] weave(byte[] classFile, String refusal) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    boolean frames = reader.readUnsignedShort(6) >= Opcodes.V1_6;
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if ((access & Opcodes.ACC_STATIC) == 0) {
              return next;
            }
            String key = name + descriptor;
            if (key.equals(UNDER_AGENT)) {
              return new ReturnFirst(next, frames, null, true);
            }
            if (key.equals(VERDICT)) {
              return new ReturnFirst(next, frames, refusal, false);
            }
            if (key.equals(CONFIGURED)) {
              return new ReturnFirst(next, frames, configuredClasses, false);
            }
            if (key.equals(DECLARES) && refusal == null) {
              return new ReturnDeclares(next, frames);
            }
            return next;
          }
        },
        0);
    return writer.toByteArray();
  }

  private static final class ReturnFirst extends MethodVisitor {
    private final boolean frames;
    private final String refusal;
    private final boolean returnsTrue;

    ReturnFirst(MethodVisitor next, boolean frames, String refusal, boolean returnsTrue) {
      super(Opcodes.ASM9, next);
      this.frames = frames;
      this.refusal = refusal;
      this.returnsTrue = returnsTrue;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      if (returnsTrue) {
        super.visitInsn(Opcodes.ICONST_1);
        super.visitInsn(Opcodes.IRETURN);
      } else if (refusal != null) {
        super.visitLdcInsn(refusal);
        super.visitInsn(Opcodes.ARETURN);
      } else {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitMethodInsn(
            Opcodes.INVOKESTATIC,
            BRIDGE,
            "verdict",
            "(Ljava/lang/Class;)Ljava/lang/String;",
            false);
        super.visitInsn(Opcodes.ARETURN);
      }
      if (frames) {
        // The original body follows, unreachable; the verifier wants a frame where it starts.
        super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
      }
      super.visitInsn(Opcodes.NOP);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(Math.max(maxStack, 1), maxLocals);
    }
  }

  /** {@code return SecretsBridge.declaresSecrets(c);} before the original body. */
  private static final class ReturnDeclares extends MethodVisitor {
    private final boolean frames;

    ReturnDeclares(MethodVisitor next, boolean frames) {
      super(Opcodes.ASM9, next);
      this.frames = frames;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, BRIDGE, "declaresSecrets", "(Ljava/lang/Class;)I", false);
      super.visitInsn(Opcodes.IRETURN);
      if (frames) {
        super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
      }
      super.visitInsn(Opcodes.NOP);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(Math.max(maxStack, 1), maxLocals);
    }
  }
}
