package io.kailash.secrets.agent.internal.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a test class's class file. */
final class ClassBytes {

  private ClassBytes() {}

  static byte[] of(Class<?> type) {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }
}
