package io.kailash.secrets.agent.internal.transform;

import io.kailash.secrets.agent.internal.transform.PrefixWeaver.Constants;
import io.kailash.secrets.agent.internal.transform.PrefixWeaver.Prefix;

/**
 * The instructions the agent weaves, as {@link PrefixWeaver} prefixes: the same code {@link
 * RunAdviceWeaver}, {@link GuardHookWeaver} and {@link RunStartWeaver} write with ASM (which stays
 * the fallback for class files the prefix weaver does not take). Each prefix is padded with {@code
 * nop}s to a multiple of 4 bytes; where the original code follows a branch target or an
 * unconditional return, the prefix names that point for the method's entry frame.
 */
final class AdvicePrefixes {

  static final String HANDOFF = "io/kailash/secrets/injection/AgentHandoff";
  static final String BRIDGE = "io/kailash/secrets/agent/bridge/SecretsBridge";

  private static final int ACC_STATIC = 0x0008;
  private static final int NOT_WOVEN =
      0x0008 | 0x0400 | 0x0100 | 0x0040; // static abstract native bridge
  private static final String MAP_PARAMETER = "(Ljava/util/Map;)";

  private static final byte ALOAD_0 = 0x2A;
  private static final byte ALOAD_1 = 0x2B;
  private static final byte ASTORE_1 = 0x4C;
  private static final byte ICONST_1 = 0x04;
  private static final byte INVOKESTATIC = (byte) 0xB8;
  private static final byte IFEQ = (byte) 0x99;
  private static final byte LDC_W = 0x13;
  private static final byte IRETURN = (byte) 0xAC;
  private static final byte ARETURN = (byte) 0xB0;
  private static final byte NOP = 0x00;

  private AdvicePrefixes() {}

  /**
   * The run advice, into every concrete {@code method(Map)}:
   *
   * <pre>{@code
   * if (AgentHandoff.needsSecrets(this, params)) {
   *   params = AgentHandoff.inject(this, params, SecretsBridge.resolve(this));
   * }
   * }</pre>
   */
  static PrefixWeaver.MethodPrefixes runAdvice(String method) {
    return new RunAdvice(method);
  }

  /** A class, not a lambda: no lambda bootstrap on the first woven class. */
  private static final class RunAdvice implements PrefixWeaver.MethodPrefixes {
    private final String method;

    RunAdvice(String method) {
      this.method = method;
    }

    @Override
    public Prefix prefixFor(int access, String name, String descriptor, Constants constants) {
      if (!name.equals(method)
          || !descriptor.startsWith(MAP_PARAMETER)
          || (access & NOT_WOVEN) != 0) {
        return null;
      }
      int needs =
          constants.methodref(HANDOFF, "needsSecrets", "(Ljava/lang/Object;Ljava/util/Map;)Z");
      int resolve =
          constants.methodref(BRIDGE, "resolve", "(Ljava/lang/Object;)Ljava/lang/Object;");
      int inject =
          constants.methodref(
              HANDOFF,
              "inject",
              "(Ljava/lang/Object;Ljava/util/Map;Ljava/lang/Object;)Ljava/util/Map;");
      byte[] code = {
        ALOAD_0,
        ALOAD_1,
        INVOKESTATIC,
        hi(needs),
        lo(needs), // 0
        IFEQ,
        0,
        13, // 5: to 18
        ALOAD_0,
        ALOAD_1,
        ALOAD_0,
        INVOKESTATIC,
        hi(resolve),
        lo(resolve), // 8
        INVOKESTATIC,
        hi(inject),
        lo(inject), // 14
        ASTORE_1, // 17
        NOP,
        NOP // 18: the branch target, with the entry frame; 20: the original code
      };
      return new Prefix(code, 18, 3, 2);
    }
  }

  /**
   * The application's AgentHandoff, in one pass: the guard armed ({@code underAgent()} true, the
   * verdict from the bridge or the loader's fixed {@code refusal}, whether a class declares secrets
   * from the bridge, the configured class names as a constant) and the run-start hooks calling the
   * bridge first.
   *
   * @param refusal {@code null} to ask the bridge, otherwise why this loader's classes are refused
   * @param configuredClasses the classes {@code requirements.<class>} names, comma-separated, woven
   *     in every loader (also a refused one, whose guard must refuse them)
   */
  static PrefixWeaver.MethodPrefixes handoff(String refusal, String configuredClasses) {
    return new Handoff(refusal, configuredClasses);
  }

  private static final class Handoff implements PrefixWeaver.MethodPrefixes {
    private final String refusal;
    private final String configuredClasses;

    Handoff(String refusal, String configuredClasses) {
      this.refusal = refusal;
      this.configuredClasses = configuredClasses;
    }

    @Override
    public Prefix prefixFor(int access, String name, String descriptor, Constants constants) {
      if ((access & ACC_STATIC) == 0) {
        return null;
      }
      return switch (name + descriptor) {
        case "underAgent()Z" -> new Prefix(new byte[] {ICONST_1, IRETURN, NOP, NOP}, 2, 1, 0);
        case "agentVerdict(Ljava/lang/Class;)Ljava/lang/String;" ->
            refusal == null
                ? callBridgeAndReturn(
                    constants, "verdict", "(Ljava/lang/Class;)Ljava/lang/String;", ARETURN)
                : returnConstant(constants.string(refusal));
        case "agentDeclaresSecrets(Ljava/lang/Class;)I" ->
            refusal == null
                ? callBridgeAndReturn(constants, "declaresSecrets", "(Ljava/lang/Class;)I", IRETURN)
                : null;
        case "configuredClasses()Ljava/lang/String;" ->
            returnConstant(constants.string(configuredClasses));
        case "beforeRun([Ljava/lang/String;)V", "nodeStarting([Ljava/lang/String;)V" ->
            refusal == null ? callBridgeFirst(constants, name, descriptor) : null;
        default -> null;
      };
    }
  }

  /** {@code return SecretsBridge.<name>(arg0);} before the original (now unreachable) body. */
  private static Prefix callBridgeAndReturn(
      Constants constants, String name, String descriptor, byte returnInstruction) {
    int method = constants.methodref(BRIDGE, name, descriptor);
    byte[] code = {ALOAD_0, INVOKESTATIC, hi(method), lo(method), returnInstruction, NOP, NOP, NOP};
    return new Prefix(code, 5, 1, 1);
  }

  private static Prefix returnConstant(int string) {
    byte[] code = {LDC_W, hi(string), lo(string), ARETURN, NOP, NOP, NOP, NOP};
    return new Prefix(code, 4, 1, 0);
  }

  /** {@code SecretsBridge.<name>(arg0);} then the original body; no branch, so no frame. */
  private static Prefix callBridgeFirst(Constants constants, String name, String descriptor) {
    int method = constants.methodref(BRIDGE, name, descriptor);
    return new Prefix(new byte[] {ALOAD_0, INVOKESTATIC, hi(method), lo(method)}, -1, 1, 1);
  }

  private static byte hi(int index) {
    return (byte) (index >>> 8);
  }

  private static byte lo(int index) {
    return (byte) index;
  }
}
