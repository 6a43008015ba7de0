package io.kailash.secrets.aws;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple writes (it prints to whatever {@code System.err} is at the time of
 * each log call) while a test runs, still echoing it to the real stream.
 */
final class LogCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  LogCapture() {
    PrintStream tee =
        new PrintStream(new TeeOutputStream(original, captured), true, StandardCharsets.UTF_8);
    System.setErr(tee);
  }

  String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setErr(original);
  }

  private static final class TeeOutputStream extends java.io.OutputStream {
    private final PrintStream first;
    private final ByteArrayOutputStream second;

    TeeOutputStream(PrintStream first, ByteArrayOutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) {
      first.write(b);
      synchronized (second) {
        second.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      first.write(b, off, len);
      synchronized (second) {
        second.write(b, off, len);
      }
    }
  }
}
