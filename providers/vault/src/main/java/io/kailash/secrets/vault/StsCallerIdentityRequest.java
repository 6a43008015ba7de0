package io.kailash.secrets.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The body of an AWS IAM login: an {@code sts:GetCallerIdentity} request signed with the AWS SDK's
 * SigV4 signer, which Vault sends on to STS to learn who signed it. The request itself never goes
 * to AWS from here. Fields as Vault documents them: {@code iam_http_request_method}, and {@code
 * iam_request_url}, {@code iam_request_body}, {@code iam_request_headers} (a JSON object of header
 * to list of values) base64-encoded.
 */
final class StsCallerIdentityRequest {

  static final String BODY = "Action=GetCallerIdentity&Version=2011-06-15";

  /** Vault's header naming the Vault server, signed to stop replay against another server. */
  static final String SERVER_ID_HEADER = "X-Vault-AWS-IAM-Server-ID";

  private StsCallerIdentityRequest() {}

  static Map<String, String> loginBody(
      AwsCredentialsIdentity credentials, String region, URI endpoint, String serverId) {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    if (serverId != null) {
      request.putHeader(SERVER_ID_HEADER, serverId);
    }
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                sign ->
                    sign.identity(credentials)
                        .request(request.build())
                        .payload(ContentStreamProvider.fromUtf8String(BODY))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    Map<String, List<String>> headers = new LinkedHashMap<>(signed.request().headers());
    Map<String, String> body = new LinkedHashMap<>();
    body.put("iam_http_request_method", "POST");
    body.put("iam_request_url", base64(endpoint.toString()));
    body.put("iam_request_body", base64(BODY));
    body.put("iam_request_headers", base64(json(headers)));
    return body;
  }

  private static String json(Map<String, List<String>> headers) {
    try {
      return VaultHttp.JSON.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the signed headers as JSON", e);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
