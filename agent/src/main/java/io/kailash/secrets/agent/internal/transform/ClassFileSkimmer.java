package io.kailash.secrets.agent.internal.transform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link ClassFacts} straight from class-file bytes (JVMS §4): the constant pool, the
 * supertypes and the method table, skipping everything else by its length. It costs a few
 * microseconds per class, which is why the agent can look at every class the application loads
 * without paying for Byte Buddy's type parsing on classes it will not touch.
 */
final class ClassFileSkimmer {

  private static final int ACC_STATIC = 0x0008;
  private static final int ACC_BRIDGE = 0x0040;
  private static final int ACC_NATIVE = 0x0100;
  private static final int ACC_INTERFACE = 0x0200;
  private static final int ACC_ABSTRACT = 0x0400;
  private static final String MAP_PARAMETER = "(Ljava/util/Map;)";
  private static final byte[] RUNTIME_VISIBLE_ANNOTATIONS =
      "RuntimeVisibleAnnotations".getBytes(StandardCharsets.UTF_8);

  private final byte[] method;
  private final byte[] bytes;
  private int[] utf8Offsets; // constant-pool index -> offset of the entry after its tag
  private int position;

  private ClassFileSkimmer(byte[] bytes, String methodName) {
    this.bytes = bytes;
    this.method = methodName.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @param methodName the instrumented method's name, e.g. {@code run}
   * @return the facts, or {@code null} if {@code bytes} is not a class file this reader understands
   */
  static ClassFacts skim(byte[] bytes, String methodName) {
    try {
      return new ClassFileSkimmer(bytes, methodName).read();
    } catch (ArrayIndexOutOfBoundsException malformed) {
      return null;
    }
  }

  private ClassFacts read() {
    if (u4() != 0xCAFEBABE) {
      return null;
    }
    position += 4; // minor and major version
    readConstantPool();
    int access = u2();
    String name = className(u2());
    int superIndex = u2();
    String superName = superIndex == 0 ? null : className(superIndex);
    int interfaceCount = u2();
    List<String> interfaces = new ArrayList<>(interfaceCount);
    for (int i = 0; i < interfaceCount; i++) {
      interfaces.add(className(u2()));
    }
    skipMembers(); // fields
    boolean declaresTarget;
    if ((access & ACC_INTERFACE) == 0) {
      declaresTarget = scanMethods();
    } else {
      skipMembers(); // an interface's methods: never instrumented itself
      declaresTarget = false;
    }
    List<DeclaredSecret> declared = readRequirements();
    return new ClassFacts(
        name,
        superName,
        List.copyOf(interfaces),
        (access & ACC_INTERFACE) != 0,
        declaresTarget,
        declared);
  }

  /**
   * The class's {@code RuntimeVisibleAnnotations}: its {@code @SecretRequirement}s, in order;
   * {@code null} when they cannot be read here (then the agent reads them by reflection).
   */
  private List<DeclaredSecret> readRequirements() {
    int count = u2();
    for (int i = 0; i < count; i++) {
      int nameIndex = u2();
      int length = u4();
      int end = position + length;
      if (utf8Equals(nameIndex, RUNTIME_VISIBLE_ANNOTATIONS)) {
        return AnnotationElements.requirements(this, position, end);
      }
      position = end;
    }
    return List.of();
  }

  private void readConstantPool() {
    int count = u2();
    utf8Offsets = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = bytes[position++];
      utf8Offsets[i] = position; // a Utf8's length, an Integer's value (annotation elements)
      switch (tag) {
        case 1 -> { // Utf8
          position += 2 + u2At(position);
        }
        case 7, 8, 16, 19, 20 -> position += 2; // Class, String, MethodType, Module, Package
        case 15 -> position += 3; // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> position += 4;
        case 5, 6 -> { // Long, Double take two slots
          position += 8;
          i++;
        }
        default -> throw new ArrayIndexOutOfBoundsException("unknown constant tag " + tag);
      }
    }
  }

  private void skipMembers() {
    int count = u2();
    for (int i = 0; i < count; i++) {
      position += 6; // access, name, descriptor
      skipAttributes();
    }
  }

  private boolean scanMethods() {
    int count = u2();
    boolean found = false;
    for (int i = 0; i < count; i++) {
      int access = u2();
      int nameIndex = u2();
      int descriptorIndex = u2();
      skipAttributes();
      if ((access & (ACC_STATIC | ACC_BRIDGE | ACC_NATIVE | ACC_ABSTRACT)) == 0
          && utf8Equals(nameIndex, method)
          && utf8StartsWith(descriptorIndex, MAP_PARAMETER)) {
        found = true;
      }
    }
    return found;
  }

  private void skipAttributes() {
    int count = u2();
    for (int i = 0; i < count; i++) {
      position += 2;
      position += 4 + u4();
    }
  }

  private String className(int classIndex) {
    int offset = utf8Offsets[u2At(utf8Offsets[classIndex])]; // a Class entry names its Utf8
    return new String(bytes, offset + 2, u2At(offset), StandardCharsets.UTF_8);
  }

  /** The class file's bytes, for {@link AnnotationElements}. */
  byte[] bytes() {
    return bytes;
  }

  /** Offset of constant {@code index}'s contents (after its tag). */
  int constantOffset(int index) {
    return utf8Offsets[index];
  }

  boolean utf8Equals(int index, byte[] expected) {
    int offset = utf8Offsets[index];
    if (u2At(offset) != expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (bytes[offset + 2 + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean utf8StartsWith(int index, String prefix) {
    int offset = utf8Offsets[index];
    if (u2At(offset) < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[offset + 2 + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int u2() {
    int value = u2At(position);
    position += 2;
    return value;
  }

  int u2At(int offset) {
    return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
  }

  private int u4() {
    int value = (u2At(position) << 16) | u2At(position + 2);
    position += 4;
    return value;
  }
}
