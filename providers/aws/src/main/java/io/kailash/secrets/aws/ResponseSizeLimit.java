package io.kailash.secrets.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Stops reading an answer larger than {@link #MAX_BYTES}: the SDK has no limit of its own and would
 * read (and parse) whatever an endpoint sends. The largest legitimate answer, a BatchGetSecretValue
 * of 20 secrets of the 64 KB maximum, is about 1.3 MB; the limit is 2 MB.
 */
final class ResponseSizeLimit implements ExecutionInterceptor {

  static final long MAX_BYTES = 2L << 20;

  /** Thrown while reading past the limit; {@link AwsErrorMapper} finds it among the causes. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("the answer is larger than " + MAX_BYTES + " bytes");
    }
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes executionAttributes) {
    long declared =
        context
            .httpResponse()
            .firstMatchingHeader("Content-Length")
            .map(ResponseSizeLimit::parseLength)
            .orElse(-1L);
    // A declared oversized answer fails on the first read, unread; others when they pass the limit.
    return context.responseBody().map(body -> new Limited(body, declared > MAX_BYTES));
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException unreadable) {
      return -1;
    }
  }

  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in, boolean tooLargeAlready) {
      super(in);
      this.read = tooLargeAlready ? MAX_BYTES : 0;
    }

    @Override
    public int read() throws IOException {
      count(0);
      int next = super.read();
      count(next < 0 ? 0 : 1);
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      count(0);
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int bytes) throws TooLargeException {
      read += bytes;
      if (read >= MAX_BYTES) {
        throw new TooLargeException();
      }
    }
  }
}
