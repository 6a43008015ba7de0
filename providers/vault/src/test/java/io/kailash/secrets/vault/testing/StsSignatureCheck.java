package io.kailash.secrets.vault.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What STS does with the {@code sts:GetCallerIdentity} request of a Vault AWS IAM login: checks its
 * SigV4 signature with the secret key of the access key id that signed it, and answers with the
 * principal's ARN. Also Vault's own checks of the login's shape (method, URL, body, the signed
 * {@code X-Vault-AWS-IAM-Server-ID}). Each failure is Vault's error text.
 */
final class StsSignatureCheck {

  /** An IAM principal's key pair. */
  record Identity(String secretKey, String arn) {}

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/sts/aws4_request,"
              + " ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");

  private final Map<String, Identity> identities = new ConcurrentHashMap<>();
  private volatile String serverId;

  void add(String accessKeyId, Identity identity) {
    identities.put(accessKeyId, identity);
  }

  void serverId(String value) {
    serverId = value;
  }

  /**
   * @return the ARN of the signer
   * @throws IllegalArgumentException with Vault's 400 error text when the login is refused
   */
  String callerArn(JsonNode body) {
    if (!"POST".equals(body.path("iam_http_request_method").asText())) {
      throw new IllegalArgumentException("invalid iam_http_request_method; only POST is supported");
    }
    URI url = URI.create(decode(body, "iam_request_url"));
    String payload = decode(body, "iam_request_body");
    if (!payload.equals("Action=GetCallerIdentity&Version=2011-06-15")) {
      throw new IllegalArgumentException("iam_request_body must be a GetCallerIdentity request");
    }
    if (!url.getHost().matches("sts(\\.[a-z0-9-]+)?\\.amazonaws\\.com")) {
      throw new IllegalArgumentException("unexpected iam_request_url host " + url.getHost());
    }
    Map<String, String> headers = headers(decode(body, "iam_request_headers"));
    Matcher auth = AUTHORIZATION.matcher(headers.getOrDefault("authorization", ""));
    if (!auth.matches()) {
      throw new IllegalArgumentException("missing or malformed Authorization header");
    }
    String signedHeaders = auth.group(4);
    if (serverId != null) {
      String sent = headers.get("x-vault-aws-iam-server-id");
      if (sent == null
          || !Arrays.asList(signedHeaders.split(";")).contains("x-vault-aws-iam-server-id")) {
        throw new IllegalArgumentException("missing header \"X-Vault-AWS-IAM-Server-ID\"");
      }
      if (!sent.equals(serverId)) {
        throw new IllegalArgumentException(
            "expected \"" + serverId + "\" but got \"" + sent + "\"");
      }
    }
    Identity identity = identities.get(auth.group(1));
    String region = auth.group(3);
    if (identity == null
        || !auth.group(5).equals(signature(identity, url, payload, headers, auth, region))) {
      throw new IllegalArgumentException(
          "error making upstream request: received error code 403 from STS:"
              + " SignatureDoesNotMatch or InvalidClientTokenId");
    }
    return identity.arn();
  }

  private static String signature(
      Identity identity,
      URI url,
      String payload,
      Map<String, String> headers,
      Matcher auth,
      String region) {
    StringBuilder canonical = new StringBuilder("POST\n");
    canonical.append(url.getRawPath().isEmpty() ? "/" : url.getRawPath()).append("\n\n");
    String signedHeaders = auth.group(4);
    for (String name : signedHeaders.split(";")) {
      String value =
          name.equals("host") ? headers.getOrDefault("host", url.getHost()) : headers.get(name);
      if (value == null) {
        return "signed header " + name + " is missing";
      }
      canonical.append(name).append(':').append(value.trim()).append('\n');
    }
    canonical.append('\n').append(signedHeaders).append('\n').append(sha256Hex(payload));
    String date = auth.group(2);
    String scope = date + "/" + region + "/sts/aws4_request";
    String toSign =
        "AWS4-HMAC-SHA256\n"
            + headers.getOrDefault("x-amz-date", "")
            + "\n"
            + scope
            + "\n"
            + sha256Hex(canonical.toString());
    byte[] key = hmac(("AWS4" + identity.secretKey()).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, "sts");
    key = hmac(key, "aws4_request");
    return HexFormat.of().formatHex(hmac(key, toSign));
  }

  /** Header names lower-cased; values a JSON list (the first) or a string, as Vault accepts. */
  private static Map<String, String> headers(String json) {
    Map<String, String> headers = new TreeMap<>();
    try {
      VaultReply.JSON
          .readTree(json)
          .fields()
          .forEachRemaining(
              entry ->
                  headers.put(
                      entry.getKey().toLowerCase(java.util.Locale.ROOT),
                      entry.getValue().isArray()
                          ? entry.getValue().path(0).asText()
                          : entry.getValue().asText()));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("iam_request_headers is not a JSON object");
    }
    return headers;
  }

  private static String decode(JsonNode body, String field) {
    String value = body.path(field).asText("");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("missing " + field);
    }
    try {
      return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("failed to base64 decode " + field);
    }
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
