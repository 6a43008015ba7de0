package io.kailash.secrets.agent.internal.transform;

import io.kailash.secrets.injection.AgentProtocol;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  private static final int ACC_STATIC = 0x0008;

  private HandoffProtocol() {}

  /**
   * @return {@code null} when {@code classFile} speaks this protocol, otherwise what differs
   */
  static String mismatch(byte[] classFile) {
    String[] version = {null};
    Set<String> methods = new HashSet<>();
    try {
      readMembers(classFile, version, methods);
    } catch (RuntimeException | IOException unreadable) {
      return "its AgentHandoff class file cannot be read to check the agent's protocol";
    }
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

  /**
   * The {@code PROTOCOL} constant and the static methods, read straight from the class file (JVMS
   * §4) rather than with ASM's ClassReader, which would be loaded for this alone (issue 16).
   */
  private static void readMembers(byte[] in, String[] version, Set<String> staticMethods)
      throws IOException {
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(in));
    if (data.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    data.readInt(); // versions
    int count = data.readUnsignedShort();
    Object[] pool = new Object[count]; // Utf8 as String, String constants as Integer (Utf8 index)
    for (int i = 1; i < count; i++) {
      int tag = data.readUnsignedByte();
      switch (tag) {
        case 1 -> pool[i] = data.readUTF();
        case 8 -> pool[i] = data.readUnsignedShort();
        case 7, 16, 19, 20 -> data.skipNBytes(2);
        case 15 -> data.skipNBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipNBytes(4);
        case 5, 6 -> {
          data.skipNBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant tag " + tag);
      }
    }
    data.skipNBytes(6); // access, this, super
    data.skipNBytes(2L * data.readUnsignedShort()); // interfaces
    for (int kind = 0; kind < 2; kind++) { // fields, then methods
      int members = data.readUnsignedShort();
      for (int m = 0; m < members; m++) {
        int access = data.readUnsignedShort();
        String name = (String) pool[data.readUnsignedShort()];
        String descriptor = (String) pool[data.readUnsignedShort()];
        int attributes = data.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
          String attribute = (String) pool[data.readUnsignedShort()];
          int length = data.readInt();
          if (kind == 0 && name.equals("PROTOCOL") && attribute.equals("ConstantValue")) {
            Object constant = pool[data.readUnsignedShort()];
            if (constant instanceof Integer utf8) {
              version[0] = (String) pool[utf8];
            }
          } else {
            data.skipNBytes(length);
          }
        }
        if (kind == 1 && (access & ACC_STATIC) != 0) {
          staticMethods.add(name + descriptor);
        }
      }
    }
  }
}
