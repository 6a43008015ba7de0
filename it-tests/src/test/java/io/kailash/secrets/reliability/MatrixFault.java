package io.kailash.secrets.reliability;

/** The faults of the matrix, in table order, and what the documented rule expects of each. */
enum MatrixFault {
  REFUSED("refused connection", true),
  HANG_BEFORE_HEADERS("hang before headers", true),
  STALL_MID_BODY("stall mid-body", true),
  STATUS_500("500", true),
  STATUS_503("503", true),
  THROTTLED_RETRY_AFTER("429 + Retry-After: 1", true),
  GARBAGE_JSON("garbage JSON", false),
  HUGE_BODY("10 MB body", false),
  REDIRECT("redirect (307)", false),
  FORBIDDEN("403", false),
  TOKEN_EXPIRED("token expired (403, then re-login)", false);

  final String label;

  /** Transient: retried, served stale within stale-if-error; else failed at once, closed. */
  final boolean transientFailure;

  MatrixFault(String label, boolean transientFailure) {
    this.label = label;
    this.transientFailure = transientFailure;
  }
}
