package io.kailash.runtime;

import java.util.function.UnaryOperator;

/**
 * Stands in for an exception a node threw whose message (or a cause's) held one of the run's
 * secrets: same stack trace, the original type's name and the message with the secret masked.
 * Application code sees it as the cause of the {@link WorkflowExecutionException}.
 */
public final class MaskedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private static final int MAX_DEPTH = 32;

  private final String originalType;

  private MaskedException(String originalType, String maskedMessage) {
    super(originalType + (maskedMessage == null ? "" : ": " + maskedMessage));
    this.originalType = originalType;
  }

  /** The class name of the exception this one stands in for. */
  public String originalType() {
    return originalType;
  }

  static MaskedException copyOf(Throwable thrown, UnaryOperator<String> mask) {
    return copyOf(thrown, mask, 0);
  }

  private static MaskedException copyOf(Throwable thrown, UnaryOperator<String> mask, int depth) {
    MaskedException copy =
        new MaskedException(thrown.getClass().getName(), mask.apply(thrown.getMessage()));
    copy.setStackTrace(thrown.getStackTrace());
    if (depth < MAX_DEPTH) {
      for (Throwable suppressed : thrown.getSuppressed()) {
        copy.addSuppressed(copyOf(suppressed, mask, depth + 1));
      }
      Throwable cause = thrown.getCause();
      if (cause != null && cause != thrown) {
        copy.initCause(copyOf(cause, mask, depth + 1));
      }
    }
    return copy;
  }
}
