package io.kailash.secrets.agent.internal.transform;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code @SecretRequirement}s (single, or in their {@code @SecretRequirements} container)
 * from a class file's {@code RuntimeVisibleAnnotations} attribute (JVMS §4.7.16), for {@link
 * ClassFileSkimmer}.
 *
 * <p>why: reading them by reflection on the application side and in the agent parsed each node
 * class's annotations with the JDK's annotation parser and created {@code Proxy} classes and
 * instances (77 classes at start-up, hundreds of microseconds per node class, issue 16); the bytes
 * are at hand anyway while the transformer skims the class.
 */
final class AnnotationElements {

  private static final byte[] REQUIREMENT =
      "Lio/kailash/secrets/SecretRequirement;".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CONTAINER =
      "Lio/kailash/secrets/SecretRequirements;".getBytes(StandardCharsets.UTF_8);

  private final ClassFileSkimmer classFile;
  private final byte[] bytes;
  private int position;

  private AnnotationElements(ClassFileSkimmer classFile, int position) {
    this.classFile = classFile;
    this.bytes = classFile.bytes();
    this.position = position;
  }

  /**
   * @param start offset of the attribute's {@code num_annotations}
   * @param end offset just after the attribute
   * @return the requirements in declaration order, or {@code null} if the attribute does not read
   *     as expected (the caller then falls back to reflection)
   */
  static List<DeclaredSecret> requirements(ClassFileSkimmer classFile, int start, int end) {
    try {
      AnnotationElements reader = new AnnotationElements(classFile, start);
      List<DeclaredSecret> found = reader.annotations();
      return reader.position == end ? found : null;
    } catch (RuntimeException | IOException unreadable) {
      return null;
    }
  }

  private List<DeclaredSecret> annotations() throws IOException {
    List<DeclaredSecret> found = List.of();
    int count = u2();
    for (int i = 0; i < count; i++) {
      int type = u2();
      if (classFile.utf8Equals(type, REQUIREMENT)) {
        found = add(found, requirement());
      } else if (classFile.utf8Equals(type, CONTAINER)) {
        for (DeclaredSecret contained : container()) {
          found = add(found, contained);
        }
      } else {
        skipPairs();
      }
    }
    return found;
  }

  private static List<DeclaredSecret> add(List<DeclaredSecret> list, DeclaredSecret secret) {
    List<DeclaredSecret> grown = list.isEmpty() ? new ArrayList<>(2) : list;
    grown.add(secret);
    return grown;
  }

  /** The element-value pairs of one {@code @SecretRequirement}, after its type index. */
  private DeclaredSecret requirement() throws IOException {
    String name = null;
    String parameter = null;
    boolean optional = false;
    String version = "";
    int pairs = u2();
    for (int i = 0; i < pairs; i++) {
      String element = utf8(u2());
      int tag = bytes[position++];
      if (tag == 's'
          && (element.equals("name") || element.equals("parameter") || element.equals("version"))) {
        String value = utf8(u2());
        switch (element) {
          case "name" -> name = value;
          case "parameter" -> parameter = value;
          default -> version = value;
        }
      } else if (tag == 'Z' && element.equals("optional")) {
        optional = integer(u2()) != 0;
      } else {
        position--;
        skipValue();
      }
    }
    if (name == null || parameter == null) {
      throw new IllegalStateException("a @SecretRequirement without name or parameter");
    }
    return new DeclaredSecret(name, parameter, optional, version);
  }

  /** {@code @SecretRequirements(value = {...})}, after its type index. */
  private List<DeclaredSecret> container() throws IOException {
    List<DeclaredSecret> found = new ArrayList<>();
    int pairs = u2();
    for (int i = 0; i < pairs; i++) {
      String element = utf8(u2());
      if (element.equals("value") && bytes[position] == '[') {
        position++;
        int values = u2();
        for (int v = 0; v < values; v++) {
          if (bytes[position++] != '@' || !classFile.utf8Equals(u2(), REQUIREMENT)) {
            throw new IllegalStateException("not a @SecretRequirement in the container");
          }
          found.add(requirement());
        }
      } else {
        skipValue();
      }
    }
    return found;
  }

  private void skipPairs() {
    int pairs = u2();
    for (int i = 0; i < pairs; i++) {
      position += 2;
      skipValue();
    }
  }

  private void skipValue() {
    int tag = bytes[position++];
    switch (tag) {
      case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> position += 2;
      case 'e' -> position += 4;
      case '@' -> {
        position += 2;
        skipPairs();
      }
      case '[' -> {
        int values = u2();
        for (int i = 0; i < values; i++) {
          skipValue();
        }
      }
      default -> throw new IllegalStateException("unknown element tag " + tag);
    }
  }

  /** A CONSTANT_Utf8 in the JVM's modified UTF-8, decoded as {@code DataInput} does. */
  private String utf8(int index) throws IOException {
    int offset = classFile.constantOffset(index);
    int length = classFile.u2At(offset);
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = bytes[offset + 2 + i] > 0; // 0x01-0x7F: one byte per char, no NUL in modified UTF-8
    }
    if (ascii) {
      return new String(bytes, offset + 2, length, StandardCharsets.ISO_8859_1);
    }
    return new DataInputStream(new ByteArrayInputStream(bytes, offset, length + 2)).readUTF();
  }

  private int integer(int index) {
    int offset = classFile.constantOffset(index);
    return (classFile.u2At(offset) << 16) | classFile.u2At(offset + 2);
  }

  private int u2() {
    int value = classFile.u2At(position);
    position += 2;
    return value;
  }
}
