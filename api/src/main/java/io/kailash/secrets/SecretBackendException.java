package io.kailash.secrets;

import java.time.Duration;
import java.util.Optional;

/**
 * A secret backend could not answer: unreachable, too slow, denied, or it answered something that
 * cannot be read.
 *
 * <p>Unlike {@link SecretNotFoundException} this says nothing about whether the secret exists, so
 * it fails a node even for an optional secret. Messages name the provider and the secret, never a
 * value or a credential.
 */
public class SecretBackendException extends SecretProviderException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, and whether asking again later may help. */
  public enum Reason {
    /** Connection refused, DNS failure, sealed Vault: may recover. */
    UNAVAILABLE(true),
    /** No answer within the configured timeout: may recover. */
    TIMEOUT(true),
    /** The backend asked us to slow down (HTTP 429, AWS throttling): may recover. */
    THROTTLED(true),
    /** The backend failed (HTTP 5xx): may recover. */
    SERVER_ERROR(true),
    /** The credentials may not read this secret: asking again will not help. */
    ACCESS_DENIED(false),
    /** The backend answered something unreadable (malformed JSON, missing field). */
    INVALID_RESPONSE(false),
    /** The request itself is wrong (invalid name, unsupported version): fix the caller. */
    INVALID_REQUEST(false),
    /** The provider is not configured correctly (missing URL, bad credentials file). */
    MISCONFIGURED(false),
    /**
     * The secret policy does not allow this node class to receive this secret; no backend was
     * asked. Fix the policy or the node, not the backend.
     */
    POLICY_DENIED(false),
    /** A fault inside kailash-secrets itself. */
    INTERNAL(false);

    private final boolean transientFailure;

    Reason(boolean transientFailure) {
      this.transientFailure = transientFailure;
    }

    /** Whether the same call may succeed if tried again later. */
    public boolean isTransient() {
      return transientFailure;
    }
  }

  private final String provider;
  private final String secretName;
  private final Reason reason;
  private final String detail;
  private Duration retryAfter; // set at most once, before the exception is thrown

  /**
   * @param provider the name of the provider that failed
   * @param secretName the secret being read, or {@code null} for calls such as listing
   * @param reason the kind of failure
   * @param message what went wrong and what to do, without values or credentials
   * @param cause the underlying failure, whose message must not carry values either
   */
  public SecretBackendException(
      String provider, String secretName, Reason reason, String message, Throwable cause) {
    super(format(provider, secretName, reason, message), cause);
    this.provider = provider;
    this.secretName = secretName;
    this.reason = reason;
    this.detail = message;
  }

  public SecretBackendException(String provider, String secretName, Reason reason, String message) {
    this(provider, secretName, reason, message, null);
  }

  public String provider() {
    return provider;
  }

  /** The secret being read, or {@code null}. */
  public String secretName() {
    return secretName;
  }

  public Reason reason() {
    return reason;
  }

  /**
   * What went wrong, without the "Provider ... failed ..." framing of {@link #getMessage()}: what
   * the agent hands to the application's copy of this class, which frames it again.
   */
  public String detail() {
    return detail;
  }

  public boolean isTransient() {
    return reason.isTransient();
  }

  /**
   * Records how long the backend asked callers to wait before trying again (HTTP {@code
   * Retry-After} on a 429 or 503, an AWS throttling answer); the retry layer waits at least this
   * long, or gives up at once when the wait would pass its deadline. Like {@link #initCause}, it is
   * set by the code that creates the exception, before throwing it, and only once.
   *
   * @param delay the requested wait; {@code null} or negative is ignored
   * @return this exception
   */
  public SecretBackendException retryAfter(Duration delay) {
    if (retryAfter == null && delay != null && !delay.isNegative()) {
      retryAfter = delay;
    }
    return this;
  }

  /** How long the backend asked callers to wait before trying again, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static String format(String provider, String secretName, Reason reason, String message) {
    String subject = secretName == null ? "" : " reading secret '" + secretName + "'";
    return "Provider " + provider + " failed" + subject + " [" + reason + "]: " + message;
  }
}
