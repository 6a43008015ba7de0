package io.kailash.secrets.agent.internal.transform;

/**
 * Rewrites a method's {@code StackMapTable} (JVMS §4.7.4) for {@link PrefixWeaver}: code inserted
 * before the first instruction moves every frame, which only changes the first frame's offset delta
 * (the others are relative to it) and the offsets that {@code Uninitialized} types name.
 */
final class StackMapShift {

  private final byte[] in;

  StackMapShift(byte[] classFile) {
    this.in = classFile;
  }

  /**
   * The StackMapTable with the prefix's frame first (if any) and every original frame moved by
   * {@code shift}: only the first one's offset delta changes, and {@code Uninitialized} types,
   * which name the offset of a {@code new} instruction.
   */
  void write(ClassFileOutput out, int body, int framePoint, int shift) {
    int count = u2(body);
    out.u2(count + (framePoint >= 0 ? 1 : 0));
    if (framePoint >= 0) {
      out.u1(framePoint); // same_frame: the method's entry state
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
        out.u1(type);
        out.u2(delta);
      } else if (type <= 254) {
        out.u1(type);
        out.u2(delta);
        for (int local = 0; local < type - 251; local++) {
          p = copyType(out, p, shift);
        }
      } else {
        out.u1(type);
        out.u2(delta);
        for (int list = 0; list < 2; list++) {
          int items = u2(p);
          p += 2;
          out.u2(items);
          for (int item = 0; item < items; item++) {
            p = copyType(out, p, shift);
          }
        }
      }
    }
  }

  /** A same or same-locals-1-stack frame in its short form if the delta fits, else extended. */
  private static void writeDelta(ClassFileOutput out, int delta, int shortBase, int extended) {
    if (delta < 64) {
      out.u1(shortBase + delta);
    } else {
      out.u1(extended);
      out.u2(delta);
    }
  }

  /** Copies one verification_type_info, moving an Uninitialized(offset). */
  private int copyType(ClassFileOutput out, int p, int shift) {
    int tag = in[p] & 0xFF;
    out.u1(tag);
    if (tag == 7) { // Object: constant-pool index
      out.u2(u2(p + 1));
      return p + 3;
    }
    if (tag == 8) { // Uninitialized: offset of its 'new'
      out.u2(u2(p + 1) + shift);
      return p + 3;
    }
    if (tag > 8) {
      throw new IllegalStateException("unknown verification type " + tag);
    }
    return p + 1;
  }

  private int u2(int offset) {
    return ((in[offset] & 0xFF) << 8) | (in[offset + 1] & 0xFF);
  }
}
