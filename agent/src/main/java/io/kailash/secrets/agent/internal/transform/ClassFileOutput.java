package io.kailash.secrets.agent.internal.transform;

/**
 * A class file being written by {@link PrefixWeaver}: one array, sized up front, grown only if the
 * estimate was short, so that weaving allocates little more than its result.
 */
final class ClassFileOutput {
  private byte[] bytes;
  private int size;

  ClassFileOutput(int capacity) {
    bytes = new byte[capacity];
  }

  /** The bytes written so far. */
  int size() {
    return size;
  }

  void u1(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  void u2(int value) {
    ensure(2);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
  }

  void u4(int value) {
    u2(value >>> 16);
    u2(value);
  }

  void patchU4(int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }

  void bytes(byte[] source) {
    bytes(source, 0, source.length);
  }

  void bytes(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  byte[] toByteArray() {
    return size == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
