package io.kailash.secrets.agent.internal.transform;

import io.kailash.secrets.injection.AgentProtocol;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The protocol the agent speaks with the application's {@code AgentHandoff}: its {@code PROTOCOL}
 * constant and the exact methods the woven code calls or the agent rewrites. Checked against the
 * application's class file before any class of that loader is woven, so that an api jar of another
 * version leads to refused nodes with a clear message, never to {@code NoSuchMethodError}.
 */
final class HandoffProtocol {

  /** The agent's own copy of the api defines it, so it is this release's by construction. */
  static final String VERSION = AgentProtocol.PROTOCOL;

  static final String HANDOFF = "io/kailash/secrets/injection/AgentHandoff";

  /** name + descriptor of every static AgentHandoff method the woven code calls or rewrites. */
  static final List<String> METHODS =
      List.of(
          "needsSecrets(Ljava/lang/Object;Ljava/util/Map;)Z",
          "inject(Ljava/lang/Object;Ljava/util/Map;Ljava/lang/Object;)Ljava/util/Map;",
          "beforeRun([Ljava/lang/String;)V",
          "underAgent()Z",
          "agentVerdict(Ljava/lang/Class;)Ljava/lang/String;",
          "configuredClasses()Ljava/lang/String;");

  private HandoffProtocol() {}

  /**
   * @return {@code null} when {@code classFile} speaks this protocol, otherwise what differs
   */
  static String mismatch(byte[] classFile) {
    String[] version = {null};
    Set<String> methods = new HashSet<>();
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public FieldVisitor visitField(
                  int access, String name, String descriptor, String signature, Object value) {
                if (name.equals("PROTOCOL") && value instanceof String text) {
                  version[0] = text;
                }
                return null;
              }

              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String descriptor, String signature, String[] ex) {
                if ((access & Opcodes.ACC_STATIC) != 0) {
                  methods.add(name + descriptor);
                }
                return null;
              }
            },
            ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    if (!VERSION.equals(version[0])) {
      return "the application's kailash-secrets api speaks protocol "
          + (version[0] == null ? "(none: an older api jar)" : version[0])
          + ", the agent "
          + VERSION
          + "; use an api jar and agent of the same release";
    }
    for (String method : METHODS) {
      if (!methods.contains(method)) {
        return "the application's AgentHandoff lacks " + method + " although it claims " + VERSION;
      }
    }
    return null;
  }
}
