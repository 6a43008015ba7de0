package io.kailash.secrets.aws;

import io.kailash.secrets.internal.Credentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Checks the credentials the SDK resolves (from the profile, the environment or a role) before they
 * are used to sign: a key with a line break or control character would end up in a header and in
 * the HTTP client's error message. Refused with a message that names the key, not its value.
 */
final class CheckedCredentials implements AwsCredentialsProvider {

  /** The cause of the SDK exception for a refused credential; its message is ours and safe. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private final AwsCredentialsProvider delegate;

  CheckedCredentials(AwsCredentialsProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    AwsCredentials credentials = delegate.resolveCredentials();
    check(credentials.accessKeyId(), "The AWS access key id");
    check(credentials.secretAccessKey(), "The AWS secret access key");
    if (credentials instanceof AwsSessionCredentials session) {
      check(session.sessionToken(), "The AWS session token");
    }
    return credentials;
  }

  private static void check(String value, String what) {
    String problem = Credentials.problemWith(value);
    if (problem != null) {
      String message = Credentials.refusal(what, problem);
      throw SdkClientException.builder().message(message).cause(new Refused(message)).build();
    }
  }

  @Override
  public String toString() {
    return "CheckedCredentials[" + delegate.getClass().getSimpleName() + "]";
  }
}
