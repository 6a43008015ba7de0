package io.kailash.secrets.vault.testing;

import java.time.Duration;
import java.util.List;

/**
 * A misbehaviour the double can answer a request with, instead of (or, for {@link #delay}, before)
 * its normal answer. Error bodies use Vault's exact texts.
 *
 * @param kind what happens
 * @param status the HTTP status for {@link Kind#STATUS}
 * @param errors the {@code errors} entries for {@link Kind#STATUS}
 * @param delay the pause for {@link Kind#DELAY}
 * @param bodyBytes the body size for {@link Kind#HUGE_BODY}
 * @param declareLength whether a huge body has a {@code Content-Length} (else it is chunked)
 */
public record VaultFault(
    Kind kind,
    int status,
    List<String> errors,
    Duration delay,
    long bodyBytes,
    boolean declareLength) {

  public enum Kind {
    STATUS,
    DELAY,
    MALFORMED_JSON,
    HUGE_BODY,
    DROP_CONNECTION,
    STALL_BODY,
    REDIRECT
  }

  /** The text the malformed body carries, which must never show up in a message. */
  public static final String MALFORMED_MARKER = "MALFORMED-BODY-MARKER";

  public static VaultFault status(int status, String... errors) {
    return new VaultFault(Kind.STATUS, status, List.of(errors), Duration.ZERO, 0, false);
  }

  /** 503 as every request gets while Vault is sealed. */
  public static VaultFault sealed() {
    return status(503, "Vault is sealed");
  }

  /** 429 from a rate limit quota. */
  public static VaultFault throttled() {
    return status(429, "request path \"secret/data/x\": rate limit quota exceeded");
  }

  public static VaultFault internalError() {
    return status(500, "internal error");
  }

  public static VaultFault badGateway() {
    return status(502, "upstream error");
  }

  /** 403 in the multierror form of Vault 1.2 to 1.16. */
  public static VaultFault permissionDenied() {
    return status(403, "1 error occurred:\n\t* permission denied\n\n");
  }

  /** Waits (really) before answering normally: a slow server. */
  public static VaultFault delay(Duration pause) {
    return new VaultFault(Kind.DELAY, 0, List.of(), pause, 0, false);
  }

  /** 200 with a body that is not JSON and quotes {@link #MALFORMED_MARKER}. */
  public static VaultFault malformedJson() {
    return new VaultFault(Kind.MALFORMED_JSON, 200, List.of(), Duration.ZERO, 0, false);
  }

  /** 200 with a body of {@code bytes} bytes, with or without {@code Content-Length}. */
  public static VaultFault hugeBody(long bytes, boolean declareLength) {
    return new VaultFault(Kind.HUGE_BODY, 200, List.of(), Duration.ZERO, bytes, declareLength);
  }

  /**
   * 200 with its headers and the first bytes of the body, then nothing for {@code pause}: a server
   * (or proxy) that stalls mid-body.
   */
  public static VaultFault stallBody(Duration pause) {
    return new VaultFault(Kind.STALL_BODY, 200, List.of(), pause, 0, false);
  }

  /** 307 to another address, as a standby without request forwarding answers. */
  public static VaultFault redirect() {
    return new VaultFault(Kind.REDIRECT, 307, List.of(), Duration.ZERO, 0, false);
  }

  /** 503 with {@code Retry-After: seconds}. */
  public static VaultFault unavailableRetryAfter(int seconds) {
    return new VaultFault(
        Kind.STATUS, 503, List.of("retry-after:" + seconds), Duration.ZERO, 0, false);
  }

  /** Closes the connection without answering. */
  public static VaultFault dropConnection() {
    return new VaultFault(Kind.DROP_CONNECTION, 0, List.of(), Duration.ZERO, 0, false);
  }
}
