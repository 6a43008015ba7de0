package io.kailash.secrets.internal;

/**
 * Stands in for a client library's exception (the AWS SDK's, the JDK HTTP client's) as the cause of
 * a {@link io.kailash.secrets.SecretBackendException}: it keeps the original type names and stack
 * traces of the whole chain for debugging, but none of their messages, because those can quote a
 * header value, a credential or a piece of a response body.
 */
public final class RedactedFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private static final int MAX_DEPTH = 16;

  private RedactedFailure(Throwable original) {
    super(original.getClass().getName() + " (message withheld: it may quote a credential or data)");
    setStackTrace(original.getStackTrace());
  }

  /** A stand-in for {@code original} and its causes; null for null. */
  public static RedactedFailure of(Throwable original) {
    if (original == null) {
      return null;
    }
    RedactedFailure top = new RedactedFailure(original);
    RedactedFailure current = top;
    Throwable next = original.getCause();
    for (int depth = 0; next != null && depth < MAX_DEPTH; depth++) {
      RedactedFailure copy = new RedactedFailure(next);
      current.initCause(copy);
      current = copy;
      next = next.getCause() == next ? null : next.getCause();
    }
    return top;
  }

  /**
   * Whether {@code failure} or a cause of it is of a type whose simple name contains {@code part}.
   */
  public static boolean hasCauseNamed(Throwable failure, String part) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
      if (t.getClass().getSimpleName().contains(part)) {
        return true;
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return false;
  }
}
