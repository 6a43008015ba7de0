package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * AWS IAM login: {@code POST auth/<mount>/login} with a role and a signed {@code
 * sts:GetCallerIdentity} request ({@link StsCallerIdentityRequest}). Credentials come from the
 * given provider, by default the SDK's standard chain (environment, system properties, web
 * identity, profile, container, instance profile), resolved at each login so rotated ones are used.
 * The AWS SDK is an optional dependency: only this method needs it.
 */
final class AwsIamAuth extends LoginAuth {

  private final String role;
  private final String region;
  private final URI stsEndpoint;
  private final String serverId;
  private final AwsCredentialsProvider credentials; // null: the standard chain, made on first use
  private AwsCredentialsProvider standardChain; // guarded by this

  AwsIamAuth(
      String mount,
      String role,
      String region,
      URI stsEndpoint,
      String serverId,
      AwsCredentialsProvider credentials) {
    super(mount, "AWS auth mount path");
    this.role = role == null || role.isBlank() ? null : require(role, "AWS auth role");
    this.region = require(region, "AWS region");
    this.stsEndpoint = stsEndpoint == null ? defaultEndpoint(this.region) : stsEndpoint;
    this.serverId = serverId == null || serverId.isBlank() ? null : require(serverId, "server id");
    this.credentials = credentials;
  }

  /** Vault's default STS endpoint is the global one, which signs in us-east-1. */
  static URI defaultEndpoint(String region) {
    return URI.create(
        "us-east-1".equals(region)
            ? "https://sts.amazonaws.com/"
            : "https://sts." + region + ".amazonaws.com/");
  }

  @Override
  public String method() {
    return "aws-iam";
  }

  @Override
  Map<String, String> credentials(String provider) {
    Map<String, String> body = new LinkedHashMap<>();
    if (role != null) {
      body.put("role", role);
    }
    body.putAll(
        StsCallerIdentityRequest.loginBody(resolve(provider), region, stsEndpoint, serverId));
    return body;
  }

  private AwsCredentialsIdentity resolve(String provider) {
    try {
      return chain().resolveCredentials();
    } catch (RuntimeException e) {
      // The SDK's message lists every provider it tried; it is neither kept nor chained.
      throw new SecretBackendException(
          provider,
          null,
          Reason.MISCONFIGURED,
          "cannot get AWS credentials for the Vault AWS IAM login ("
              + e.getClass().getSimpleName()
              + "). Provide them the standard way: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
              + " AWS_PROFILE, a web identity token (IRSA), or the container or instance role.");
    }
  }

  private synchronized AwsCredentialsProvider chain() {
    if (credentials != null) {
      return credentials;
    }
    if (standardChain == null) {
      standardChain = DefaultCredentialsProvider.builder().build();
    }
    return standardChain;
  }

  @Override
  String hint() {
    return "Check aws.role, that the role binds the IAM principal whose credentials signed the"
        + " request, and that aws.region"
        + (serverId == null ? "" : " and aws.server-id")
        + " match the Vault AWS auth configuration.";
  }

  @Override
  public String toString() {
    return "aws-iam(mount="
        + mount
        + (role == null ? "" : ", role=" + role)
        + ", region="
        + region
        + ")";
  }
}
