package io.kailash.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtTest {

  private static final String KEY = "test-signing-key-0123456789";

  @Test
  void theSignatureIsHmacSha256OfHeaderAndClaimsUnderTheKey() throws Exception {
    String token = Jwt.sign(Map.of("sub", "alice"), KEY);

    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(decode(parts[0])).contains("\"alg\":\"HS256\"").contains("\"typ\":\"JWT\"");
    assertThat(decode(parts[1])).isEqualTo("{\"sub\":\"alice\"}");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8));
    assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
    assertThat(token).doesNotContain("=").doesNotContain(KEY);
  }

  @Test
  void verifyAcceptsOnlyTheRightKeyAndAnUntamperedToken() {
    String token = Jwt.sign(Map.of("sub", "alice", "exp", 42), KEY);
    String[] parts = token.split("\\.");
    String forgedClaims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"sub\":\"mallory\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(Jwt.verify(token, KEY)).contains(Map.of("sub", "alice", "exp", 42));
    assertThat(Jwt.verify(token, "other-key")).isEmpty();
    assertThat(Jwt.verify(parts[0] + "." + forgedClaims + "." + parts[2], KEY)).isEmpty();
    assertThat(Jwt.verify("not-a-token", KEY)).isEmpty();
    assertThat(Jwt.verify("a.b.c", KEY)).isEmpty();
    assertThat(Jwt.verify(parts[0] + "." + parts[1] + ".", KEY)).isEmpty();
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
