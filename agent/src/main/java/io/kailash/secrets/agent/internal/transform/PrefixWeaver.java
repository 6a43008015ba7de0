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
    private final ByteArrayOutputStream added = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(added);
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
      try {
        out.writeByte(1);
        out.writeUTF(value);
      } catch (IOException cannotHappen) {
        throw new IllegalStateException(cannotHappen);
      }
      return next++;
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
    ByteArrayOutputStream methods = new ByteArrayOutputStream(in.length + 256);
    DataOutputStream out = new DataOutputStream(methods);
    position = poolEnd;
    position += 6; // access, this, super
    position += 2 + 2 * u2(position); // interfaces
    skipMembers(); // fields
    int methodsStart = position;
    int count = next2();
    out.writeShort(count);
    boolean changed = false;
    for (int i = 0; i < count; i++) {
      int access = next2();
      int name = next2();
      int descriptor = next2();
      Prefix prefix = prefixes.prefixFor(access, utf8(name), utf8(descriptor), constants);
      out.writeShort(access);
      out.writeShort(name);
      out.writeShort(descriptor);
      int attributes = next2();
      out.writeShort(attributes);
      boolean woven = false;
      for (int a = 0; a < attributes; a++) {
        int attributeName = next2();
        int length = next4();
        int start = position;
        position += length;
        if (prefix != null && utf8(attributeName).equals("Code")) {
          out.writeShort(attributeName);
          byte[] code = weaveCode(start, prefix, frames, constants);
          out.writeInt(code.length);
          out.write(code);
          woven = true;
        } else {
          out.writeShort(attributeName);
          out.writeInt(length);
          out.write(in, start, length);
        }
      }
      if (prefix != null && !woven) {
        throw new IllegalStateException("a chosen method without code");
      }
      changed |= woven;
    }
    if (!changed) {
      return in;
    }
    int poolCount = constants.next;
    if (poolCount > 0xFFFF) {
      return null;
    }
    ByteArrayOutputStream result = new ByteArrayOutputStream(in.length + 512);
    result.write(in, 0, 8);
    result.write(poolCount >>> 8);
    result.write(poolCount);
    result.write(in, 10, poolEnd - 10);
    constants.added.writeTo(result);
    result.write(in, poolEnd, methodsStart - poolEnd);
    methods.writeTo(result);
    result.write(in, position, in.length - position); // the class's own attributes
    return result.toByteArray();
  }

  /** One Code attribute's contents, woven. */
  private byte[] weaveCode(int start, Prefix prefix, boolean frames, Constants constants)
      throws IOException {
    int shift = prefix.code().length;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buffer);
    int p = start;
    out.writeShort(Math.max(u2(p), prefix.maxStack()));
    out.writeShort(Math.max(u2(p + 2), prefix.maxLocals()));
    int codeLength = u4(p + 4);
    if (codeLength + shift > MAX_CODE) {
      throw new IllegalStateException("too large");
    }
    out.writeInt(codeLength + shift);
    out.write(prefix.code());
    out.write(in, p + 8, codeLength);
    p += 8 + codeLength;
    int handlers = u2(p);
    out.writeShort(handlers);
    p += 2;
    for (int i = 0; i < handlers; i++, p += 8) {
      out.writeShort(u2(p) + shift);
      out.writeShort(u2(p + 2) + shift);
      out.writeShort(u2(p + 4) + shift);
      out.writeShort(u2(p + 6));
    }
    int attributes = u2(p);
    p += 2;
    boolean wroteFrames = false;
    ByteArrayOutputStream attributeBytes = new ByteArrayOutputStream();
    DataOutputStream attributeOut = new DataOutputStream(attributeBytes);
    for (int a = 0; a < attributes; a++) {
      int name = u2(p);
      int length = u4(p + 2);
      int body = p + 6;
      p = body + length;
      String attribute = utf8(name);
      attributeOut.writeShort(name);
      switch (attribute) {
        case "LineNumberTable" -> shiftTable(attributeOut, body, length, 4, shift);
        case "LocalVariableTable", "LocalVariableTypeTable" ->
            shiftTable(attributeOut, body, length, 10, shift);
        case "StackMapTable" -> {
          byte[] table = frames(body, prefix.framePoint(), shift);
          attributeOut.writeInt(table.length);
          attributeOut.write(table);
          wroteFrames = true;
        }
        default -> throw new IllegalStateException("unknown Code attribute " + attribute);
      }
    }
    if (frames && prefix.framePoint() >= 0 && !wroteFrames) {
      attributeOut.writeShort(constants.utf8("StackMapTable"));
      attributeOut.writeInt(3);
      attributeOut.writeShort(1);
      attributeOut.writeByte(prefix.framePoint()); // same_frame
      attributes++;
    }
    out.writeShort(attributes);
    attributeBytes.writeTo(buffer);
    return buffer.toByteArray();
  }

  /** A table of {@code u2 count} entries, each starting with a {@code u2} bytecode offset. */
  private void shiftTable(DataOutputStream out, int body, int length, int entrySize, int shift)
      throws IOException {
    out.writeInt(length);
    int entries = u2(body);
    out.writeShort(entries);
    for (int i = 0, e = body + 2; i < entries; i++, e += entrySize) {
      out.writeShort(u2(e) + shift);
      out.write(in, e + 2, entrySize - 2);
    }
  }

  /**
   * The StackMapTable with the prefix's frame first (if any) and every original frame moved by
   * {@code shift}: only the first one's offset delta changes, and {@code Uninitialized} types,
   * which name the offset of a {@code new} instruction.
   */
  private byte[] frames(int body, int framePoint, int shift) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buffer);
    int count = u2(body);
    out.writeShort(count + (framePoint >= 0 ? 1 : 0));
    if (framePoint >= 0) {
      out.writeByte(framePoint); // same_frame: the method's entry state
    }
    int p = body + 2;
    for (int i = 0; i < count; i++) {
      int type = in[p++] & 0xFF;
      int delta;
      if (type < 128) {
        delta = type < 64 ? type : type - 64;
      } else if (type >= 247) {
        delta = u2(p);
        p += 2;
      } else {
        throw new IllegalStateException("unknown frame type " + type);
      }
      if (i == 0) {
        // The first frame's offset is its delta; after ours the next one's is delta + 1 more.
        delta = framePoint >= 0 ? delta + shift - framePoint - 1 : delta + shift;
      }
      if (type < 64 || type == 251) {
        writeDelta(out, delta, 0, 251);
      } else if (type < 128 || type == 247) {
        writeDelta(out, delta, 64, 247);
        p = copyType(out, p, shift);
      } else if (type <= 250) {
        out.writeByte(type);
        out.writeShort(delta);
      } else if (type <= 254) {
        out.writeByte(type);
        out.writeShort(delta);
        for (int local = 0; local < type - 251; local++) {
          p = copyType(out, p, shift);
        }
      } else {
        out.writeByte(type);
        out.writeShort(delta);
        for (int list = 0; list < 2; list++) {
          int items = u2(p);
          p += 2;
          out.writeShort(items);
          for (int item = 0; item < items; item++) {
            p = copyType(out, p, shift);
          }
        }
      }
    }
    return buffer.toByteArray();
  }

  /** A same or same-locals-1-stack frame in its short form if the delta fits, else extended. */
  private static void writeDelta(DataOutputStream out, int delta, int shortBase, int extended)
      throws IOException {
    if (delta < 64) {
      out.writeByte(shortBase + delta);
    } else {
      out.writeByte(extended);
      out.writeShort(delta);
    }
  }

  /** Copies one verification_type_info, moving an Uninitialized(offset). */
  private int copyType(DataOutputStream out, int p, int shift) throws IOException {
    int tag = in[p] & 0xFF;
    out.writeByte(tag);
    if (tag == 7) { // Object: constant-pool index
      out.writeShort(u2(p + 1));
      return p + 3;
    }
    if (tag == 8) { // Uninitialized: offset of its 'new'
      out.writeShort(u2(p + 1) + shift);
      return p + 3;
    }
    if (tag > 8) {
      throw new IllegalStateException("unknown verification type " + tag);
    }
    return p + 1;
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
      int attributes = next2();
      for (int a = 0; a < attributes; a++) {
        position += 2;
        position += 4 + next4();
      }
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
