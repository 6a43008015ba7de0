package io.kailash.secrets.aws;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNames;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Turns the version of a secret reference into either a {@code VersionId} or a {@code VersionStage}
 * of GetSecretValue.
 *
 * <p>The rule, in order:
 *
 * <ol>
 *   <li>empty: the current version (no VersionId, no VersionStage; AWS reads {@code AWSCURRENT});
 *   <li>{@code id:<versionId>}: that VersionId (32 to 64 characters, as AWS requires);
 *   <li>{@code stage:<label>}: that staging label;
 *   <li>a UUID ({@code 8-4-4-4-12} hexadecimal digits, the form AWS and the SDKs generate): that
 *       VersionId;
 *   <li>anything else: a staging label, e.g. {@code AWSCURRENT}, {@code AWSPREVIOUS}, {@code
 *       AWSPENDING} or a custom label.
 * </ol>
 *
 * A version id chosen by a caller that is not a UUID (AWS accepts any 32 to 64 character {@code
 * ClientRequestToken}) therefore needs the {@code id:} prefix.
 */
record VersionSelector(Kind kind, String value) {

  /** Which GetSecretValue parameter the version fills. */
  enum Kind {
    CURRENT,
    VERSION_ID,
    VERSION_STAGE
  }

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String ACCEPTED =
      " (an AWS version is a staging label such as AWSPREVIOUS or v2, or a version id: a UUID or"
          + " id:<id>)";
  private static final String ID_PREFIX = "id:";
  private static final String STAGE_PREFIX = "stage:";
  private static final int MIN_ID_LENGTH = 32;
  private static final int MAX_ID_LENGTH = 64;
  private static final int MAX_STAGE_LENGTH = 256;

  /**
   * @throws SecretBackendException with {@link SecretBackendException.Reason#INVALID_REQUEST} if
   *     the version cannot be sent to AWS
   */
  static VersionSelector parse(String version, String secretName, String provider) {
    if (version == null || version.isEmpty()) {
      return new VersionSelector(Kind.CURRENT, "");
    }
    for (int i = 0; i < version.length(); i++) {
      if (Character.isISOControl(version.charAt(i))) {
        throw invalid(version, secretName, provider, "it contains a control character");
      }
    }
    if (version.startsWith(ID_PREFIX)) {
      String id = version.substring(ID_PREFIX.length());
      if (id.length() < MIN_ID_LENGTH || id.length() > MAX_ID_LENGTH) {
        throw invalid(version, secretName, provider, "a VersionId has 32 to 64 characters");
      }
      return new VersionSelector(Kind.VERSION_ID, id);
    }
    String stage =
        version.startsWith(STAGE_PREFIX) ? version.substring(STAGE_PREFIX.length()) : version;
    if (stage.isEmpty() || stage.length() > MAX_STAGE_LENGTH) {
      throw invalid(version, secretName, provider, "a staging label has 1 to 256 characters");
    }
    boolean uuid = !version.startsWith(STAGE_PREFIX) && UUID.matcher(version).matches();
    return new VersionSelector(uuid ? Kind.VERSION_ID : Kind.VERSION_STAGE, stage);
  }

  boolean isCurrent() {
    return kind == Kind.CURRENT;
  }

  GetSecretValueRequest request(String secretId) {
    GetSecretValueRequest.Builder request = GetSecretValueRequest.builder().secretId(secretId);
    return switch (kind) {
      case CURRENT -> request.build();
      case VERSION_ID -> request.versionId(value).build();
      case VERSION_STAGE -> request.versionStage(value).build();
    };
  }

  /** Why a secret that exists may still be reported missing for this version. */
  String missingDetail() {
    return switch (kind) {
      case CURRENT -> "";
      case VERSION_ID -> "AWS has no version with VersionId '" + value + "'" + ACCEPTED;
      case VERSION_STAGE -> "AWS has no version with staging label '" + value + "'" + ACCEPTED;
    };
  }

  private static SecretBackendException invalid(
      String version, String secretName, String provider, String problem) {
    return new SecretBackendException(
        provider,
        secretName,
        SecretBackendException.Reason.INVALID_REQUEST,
        "invalid version '"
            + SecretNames.printable(version)
            + "': "
            + problem
            + ". Give a staging label (AWSCURRENT, AWSPREVIOUS), a VersionId UUID, or 'id:<versionId>'.");
  }
}
