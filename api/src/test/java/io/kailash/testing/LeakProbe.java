package io.kailash.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kailash.runtime.ExecutionResult;
import io.kailash.secrets.SecretBackendException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Captures everything a value could leak into while open (stdout, stderr with the logs, the given
 * log and audit files) plus what the test hands it (exceptions with their whole cause chain and
 * stack traces, execution results rendered deeply, any other object), then asserts that no marker
 * appears in any of it.
 *
 * <pre>{@code
 * try (LeakProbe probe = LeakProbe.open(auditFile)) {
 *   probe.result(runtime.execute(workflow));
 * }
 * probe.assertNowhere(TOKEN);
 * }</pre>
 */
public final class LeakProbe implements AutoCloseable {

  private final StderrCapture stderr = new StderrCapture();
  private final PrintStream originalOut = System.out;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final List<Path> files;
  private final Map<String, String> captured = new LinkedHashMap<>();
  private boolean closed;

  private LeakProbe(List<Path> files) {
    this.files = files;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
  }

  /** Starts capturing; {@code files} (log or audit files) are read when asserting. */
  public static LeakProbe open(Path... files) {
    return new LeakProbe(List.of(files));
  }

  /** Records {@code thrown} with its causes, suppressed exceptions and stack traces. */
  public LeakProbe exception(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    StringBuilder messages = new StringBuilder();
    for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
      messages.append(t).append('|').append(t.getLocalizedMessage()).append('\n');
    }
    captured.put("exception " + captured.size(), out + "\n" + messages);
    return this;
  }

  /**
   * Runs {@code call} inside a probe, expects it to throw {@link SecretBackendException}, records
   * the exception with its chain and asserts that no marker appears anywhere the probe captured.
   *
   * @return the exception, for the caller's own assertions on reason and message
   */
  public static SecretBackendException backendFailureWithout(
      ThrowingCallable call, String... markers) {
    try (LeakProbe probe = open()) {
      Throwable thrown = catchThrowable(call);
      assertThat(thrown).isInstanceOf(SecretBackendException.class);
      probe.exception(thrown);
      probe.assertNowhere(markers);
      return (SecretBackendException) thrown;
    }
  }

  /** Runs {@code action} and records what it throws, if anything. */
  public LeakProbe attempt(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | Error thrown) {
      exception(thrown);
    }
    return this;
  }

  /** Records the result's {@code toString} and every output value, rendered deeply. */
  public LeakProbe result(ExecutionResult result) {
    captured.put(
        "result " + captured.size(), result + "\n" + render(result.results()) + result.results());
    return this;
  }

  /** Records {@code value}'s {@code toString} and a deep rendering of it. */
  public LeakProbe value(String label, Object value) {
    captured.put(label, String.valueOf(value) + "\n" + render(value));
    return this;
  }

  /** Everything captured so far, by where it came from. */
  public Map<String, String> texts() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("stdout", stdout.toString(StandardCharsets.UTF_8));
    all.put("stderr", stderr.text());
    for (Path file : files) {
      try {
        all.put(file.toString(), Files.exists(file) ? Files.readString(file) : "");
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file, e);
      }
    }
    all.putAll(captured);
    return all;
  }

  /** Fails naming the place where any of {@code markers} appears. */
  public void assertNowhere(String... markers) {
    close();
    texts()
        .forEach(
            (where, text) -> {
              for (String marker : markers) {
                assertThat(text).as("%s must not contain the marker", where).doesNotContain(marker);
              }
            });
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      System.setOut(originalOut);
      stderr.close();
    }
  }

  /** Strings, char and byte arrays as text; containers element by element. */
  private static String render(Object value) {
    if (value instanceof char[] chars) {
      return new String(chars);
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Object[] array) {
      return render(Arrays.asList(array));
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(LeakProbe::render).orElse("");
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder();
      map.forEach((k, v) -> out.append(render(k)).append('=').append(render(v)).append(';'));
      return out.toString();
    }
    if (value instanceof Collection<?> collection) {
      List<String> parts = new ArrayList<>();
      collection.forEach(element -> parts.add(render(element)));
      return String.join(";", parts);
    }
    return String.valueOf(value);
  }
}
