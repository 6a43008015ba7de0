package io.kailash.secrets.agent.internal.transform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Inserts a few instructions at the start of chosen methods by editing the class file directly
 * (JVMS §4): new constants are appended to the pool, the chosen methods' {@code Code} attributes
 * get the prefix and every bytecode offset in them (exception table, {@code StackMapTable}, line
 * and local-variable tables) moves by its length; every other byte is copied as it is.
 *
 * <p>why not ASM: its {@code ClassReader}/{@code ClassWriter} pair loads ~30 classes into the
 * agent's verified loader on the first node class (about 25 ms of start-up under load) and
 * allocates ~14 KB per woven class (symbol table, buffers), which was most of the per-node-class
 * cost (issue 16). A prefix is a multiple of 4 bytes long, so the padding of {@code tableswitch}
 * and {@code lookupswitch} in the original code stays valid, and branches in it are relative.
 *
 * <p>Anything unusual (a {@code Code} attribute this class does not know, such as type annotations
 * on instructions, a method that would grow past 64 KB, a full constant pool, an unknown frame)
 * makes {@link #weave} answer {@code null}, and the caller weaves with ASM instead.
 */
final class PrefixWeaver {

  /** Chooses the methods to weave and builds their prefixes. */
  interface MethodPrefixes {
    /**
     * @return the prefix for this method, or {@code null} to leave it as it is
     */
    Prefix prefixFor(int access, String name, String descriptor, Constants constants);
  }

  /**
   * Code inserted before a method's original first instruction.
   *
   * @param code the instructions, a multiple of 4 bytes long
   * @param framePoint offset in {@code code} where the method's entry state (its parameters as
   *     locals, an empty stack) needs a stack map frame (a branch target, or the first instruction
   *     after an unconditional return), or -1 for none
   * @param maxStack the operand stack the prefix needs
   * @param maxLocals the locals the prefix needs
   */
  record Prefix(byte[] code, int framePoint, int maxStack, int maxLocals) {
    Prefix {
      if (code.length % 4 != 0 || framePoint >= code.length || framePoint > 63) {
        throw new IllegalArgumentException("a prefix is padded to 4 bytes, its frame point < 64");
      }
    }
  }

  /** Appends constants to the class's pool, for the prefixes' instructions. */
  static final class Constants {
    private final ByteArrayOutputStream added = new ByteArrayOutputStream(256);
    private int next;

    private Constants(int next) {
      this.next = next;
    }

    int methodref(String owner, String name, String descriptor) {
      int classIndex = classRef(owner);
      int nameAndType = add(12, utf8(name), utf8(descriptor));
      return add(10, classIndex, nameAndType);
    }

    int string(String value) {
      return add(8, utf8(value), -1);
    }

    int utf8(String value) {
      added.write(1);
      if (isAscii(value)) {
        added.write(value.length() >>> 8);
        added.write(value.length());
        for (int i = 0; i < value.length(); i++) {
          added.write(value.charAt(i));
        }
      } else {
        try {
          new DataOutputStream(added).writeUTF(value); // modified UTF-8, with its length
        } catch (IOException tooLong) {
          throw new IllegalStateException(tooLong);
        }
      }
      return next++;
    }

    private static boolean isAscii(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == 0 || c > 0x7F) {
          return false;
        }
      }
      return value.length() <= 0xFFFF;
    }

    private int classRef(String internalName) {
      return add(7, utf8(internalName), -1);
    }

    private int add(int tag, int first, int second) {
      added.write(tag);
      added.write(first >>> 8);
      added.write(first);
      if (second >= 0) {
        added.write(second >>> 8);
        added.write(second);
      }
      return next++;
    }
  }

  private static final int MAX_CODE = 65535;

  private final byte[] in;
  private final MethodPrefixes prefixes;
  private int[] offsets; // constant-pool index -> offset after the tag
  private int poolEnd;
  private int stackMapTableName = -1;
  private int position;

  private PrefixWeaver(byte[] in, MethodPrefixes prefixes) {
    this.in = in;
    this.prefixes = prefixes;
  }

  /**
   * @return the woven class file; {@code classFile} itself if no method was chosen; {@code null} if
   *     this class file needs ASM
   */
  static byte[] weave(byte[] classFile, MethodPrefixes prefixes) {
    try {
      return new PrefixWeaver(classFile, prefixes).weave();
    } catch (RuntimeException | IOException unsupported) {
      return null;
    }
  }

  private byte[] weave() throws IOException {
    if (u4(0) != 0xCAFEBABE) {
      return null;
    }
    boolean frames = u2(6) >= 50; // Java 6 class files on carry stack map frames
    readPool();
    Constants constants = new Constants(u2(8));
    position = poolEnd;
    position += 6; // access, this, super
    position += 2 + 2 * u2(position); // interfaces
    skipMembers(); // fields
    int methodsStart = position;
    // Pass 1: choose the methods (adding their constants), so that pass 2 writes once, in order.
    int count = next2();
    Prefix[] chosen = new Prefix[count];
    int growth = 0;
    for (int i = 0; i < count; i++) {
      int access = next2();
      String name = utf8(next2());
      String descriptor = utf8(next2());
      chosen[i] = prefixes.prefixFor(access, name, descriptor, constants);
      if (chosen[i] != null) {
        growth += chosen[i].code().length + 32; // the prefix, a frame, maybe a StackMapTable
        if (frames && chosen[i].framePoint() >= 0 && stackMapTableName < 0) {
          stackMapTableName = constants.utf8("StackMapTable"); // for a method without frames
        }
      }
      skipAttributes();
    }
    if (growth == 0) {
      return in;
    }
    int poolCount = constants.next;
    if (poolCount > 0xFFFF) {
      return null;
    }
    ClassFileOutput out = new ClassFileOutput(in.length + constants.added.size() + growth);
    out.bytes(in, 0, 8);
    out.u2(poolCount);
    out.bytes(in, 10, poolEnd - 10);
    out.bytes(constants.added.toByteArray());
    out.bytes(in, poolEnd, methodsStart - poolEnd);
    // Pass 2: the methods, the chosen ones' Code attributes woven.
    position = methodsStart;
    out.u2(next2());
    for (int i = 0; i < count; i++) {
      out.bytes(in, position, 6); // access, name, descriptor
      position += 6;
      int attributes = next2();
      out.u2(attributes);
      boolean woven = false;
      for (int a = 0; a < attributes; a++) {
        int attributeName = next2();
        int length = next4();
        int start = position;
        position += length;
        out.u2(attributeName);
        if (chosen[i] != null && utf8(attributeName).equals("Code")) {
          int lengthAt = out.size();
          out.u4(0);
          weaveCode(out, start, chosen[i], frames);
          out.patchU4(lengthAt, out.size() - lengthAt - 4);
          woven = true;
        } else {
          out.u4(length);
          out.bytes(in, start, length);
        }
      }
      if (chosen[i] != null && !woven) {
        throw new IllegalStateException("a chosen method without code");
      }
    }
    if (constants.next != poolCount) {
      throw new IllegalStateException("a constant added after the pool was written");
    }
    out.bytes(in, position, in.length - position); // the class's own attributes
    return out.toByteArray();
  }

  /** One Code attribute's contents, woven, written to {@code out}. */
  private void weaveCode(ClassFileOutput out, int start, Prefix prefix, boolean frames)
      throws IOException {
    int shift = prefix.code().length;
    int p = start;
    out.u2(Math.max(u2(p), prefix.maxStack()));
    out.u2(Math.max(u2(p + 2), prefix.maxLocals()));
    int codeLength = u4(p + 4);
    if (codeLength + shift > MAX_CODE) {
      throw new IllegalStateException("too large");
    }
    out.u4(codeLength + shift);
    out.bytes(prefix.code());
    out.bytes(in, p + 8, codeLength);
    p += 8 + codeLength;
    int handlers = u2(p);
    out.u2(handlers);
    p += 2;
    for (int i = 0; i < handlers; i++, p += 8) {
      out.u2(u2(p) + shift);
      out.u2(u2(p + 2) + shift);
      out.u2(u2(p + 4) + shift);
      out.u2(u2(p + 6));
    }
    int attributes = u2(p);
    p += 2;
    boolean hasFrames = false;
    for (int a = 0, q = p; a < attributes; a++) {
      hasFrames |= utf8(u2(q)).equals("StackMapTable");
      q += 6 + u4(q + 2);
    }
    boolean addFrames = frames && prefix.framePoint() >= 0 && !hasFrames;
    out.u2(attributes + (addFrames ? 1 : 0));
    for (int a = 0; a < attributes; a++) {
      int name = u2(p);
      int length = u4(p + 2);
      int body = p + 6;
      p = body + length;
      String attribute = utf8(name);
      out.u2(name);
      switch (attribute) {
        case "LineNumberTable" -> shiftTable(out, body, length, 4, shift);
        case "LocalVariableTable", "LocalVariableTypeTable" ->
            shiftTable(out, body, length, 10, shift);
        case "StackMapTable" -> {
          int lengthAt = out.size();
          out.u4(0);
          new StackMapShift(in).write(out, body, prefix.framePoint(), shift);
          out.patchU4(lengthAt, out.size() - lengthAt - 4);
        }
        default -> throw new IllegalStateException("unknown Code attribute " + attribute);
      }
    }
    if (addFrames) {
      out.u2(stackMapTableName);
      out.u4(3);
      out.u2(1);
      out.u1(prefix.framePoint()); // same_frame
    }
  }

  /** A table of {@code u2 count} entries, each starting with a {@code u2} bytecode offset. */
  private void shiftTable(ClassFileOutput out, int body, int length, int entrySize, int shift) {
    out.u4(length);
    int entries = u2(body);
    out.u2(entries);
    for (int i = 0, e = body + 2; i < entries; i++, e += entrySize) {
      out.u2(u2(e) + shift);
      out.bytes(in, e + 2, entrySize - 2);
    }
  }

  private void readPool() {
    int count = u2(8);
    offsets = new int[count];
    int p = 10;
    for (int i = 1; i < count; i++) {
      int tag = in[p++];
      offsets[i] = p;
      switch (tag) {
        case 1 -> p += 2 + u2(p);
        case 7, 8, 16, 19, 20 -> p += 2;
        case 15 -> p += 3;
        case 3, 4, 9, 10, 11, 12, 17, 18 -> p += 4;
        case 5, 6 -> {
          p += 8;
          i++;
        }
        default -> throw new IllegalStateException("unknown constant tag " + tag);
      }
    }
    poolEnd = p;
  }

  private void skipMembers() {
    int count = next2();
    for (int i = 0; i < count; i++) {
      position += 6;
      skipAttributes();
    }
  }

  private void skipAttributes() {
    int attributes = next2();
    for (int a = 0; a < attributes; a++) {
      position += 2;
      position += 4 + next4();
    }
  }

  private String utf8(int index) throws IOException {
    int offset = offsets[index];
    int length = u2(offset);
    for (int i = 0; i < length; i++) {
      if (in[offset + 2 + i] <= 0) { // beyond ASCII: modified UTF-8
        return new DataInputStream(new ByteArrayInputStream(in, offset, length + 2)).readUTF();
      }
    }
    return new String(in, offset + 2, length, StandardCharsets.ISO_8859_1);
  }

  private int next2() {
    int value = u2(position);
    position += 2;
    return value;
  }

  private int next4() {
    int value = u4(position);
    position += 4;
    return value;
  }

  private int u2(int offset) {
    return ((in[offset] & 0xFF) << 8) | (in[offset + 1] & 0xFF);
  }

  private int u4(int offset) {
    return (u2(offset) << 16) | u2(offset + 2);
  }
}
