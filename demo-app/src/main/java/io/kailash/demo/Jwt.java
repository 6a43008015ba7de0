package io.kailash.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JSON Web Tokens (RFC 7519) with the JDK's HMAC: {@code base64url(header) "."
 * base64url(claims) "." base64url(HMAC-SHA256(key, first two parts))}.
 */
public final class Jwt {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Object> HEADER = Map.of("alg", "HS256", "typ", "JWT");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Jwt() {}

  /** A signed token carrying {@code claims}. */
  public static String sign(Map<String, Object> claims, String key) {
    String signingInput = encodeJson(HEADER) + "." + encodeJson(claims);
    return signingInput + "." + ENCODER.encodeToString(hmac(signingInput, key));
  }

  /**
   * The claims of {@code token} if it is an HS256 token whose signature matches {@code key}; empty
   * otherwise. Expiry is the caller's to check.
   */
  public static Optional<Map<String, Object>> verify(String token, String key) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      byte[] expected = hmac(parts[0] + "." + parts[1], key);
      byte[] actual = DECODER.decode(parts[2]);
      if (!MessageDigest.isEqual(expected, actual) || !HEADER.equals(decodeJson(parts[0]))) {
        return Optional.empty();
      }
      return Optional.of(decodeJson(parts[1]));
    } catch (IllegalArgumentException | JsonProcessingException malformed) {
      return Optional.empty();
    }
  }

  /** HMAC-SHA256 of {@code text} under {@code key}; public for tests that recompute it. */
  public static byte[] hmac(String text, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
    }
  }

  private static String encodeJson(Map<String, Object> value) {
    try {
      return ENCODER.encodeToString(JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Claims must be JSON values", e);
    }
  }

  private static Map<String, Object> decodeJson(String part) throws JsonProcessingException {
    return JSON.readValue(
        new String(DECODER.decode(part), StandardCharsets.UTF_8), new TypeReference<>() {});
  }
}
