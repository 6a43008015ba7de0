package io.kailash.secrets.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple (the test logging backend) writes while open. slf4j-simple looks up
 * {@code System.err} on every write, so swapping the stream is enough. Use with try-with-resources.
 */
public final class CapturedLogs implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  public CapturedLogs() {
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setErr(
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                synchronized (buffer) {
                  capture.write(b);
                  original.write(b);
                }
              }

              @Override
              public void write(byte[] bytes, int offset, int length) {
                synchronized (buffer) {
                  capture.write(bytes, offset, length);
                  original.write(bytes, offset, length);
                }
              }
            },
            true,
            StandardCharsets.UTF_8));
  }

  /** Everything logged so far. */
  public String text() {
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
