package io.kailash.demo;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issues an HS256 JWT for {@code subject}, signed with the injected {@code jwt-signing-key}.
 *
 * <p>Inputs: {@code subject} (required), {@code issuer} (default {@code kailash-demo}), {@code
 * ttl_seconds} (default 300). Outputs: {@code token}, {@code subject}, {@code expires_at} (epoch
 * seconds).
 */
@SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
public class TokenGeneratorNode extends Node {

  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    String key = InjectedSecret.require(inputs, "secret_key", getClass());
    Object subject = inputs.get("subject");
    if (!(subject instanceof String) || ((String) subject).isBlank()) {
      throw new IllegalArgumentException("TokenGeneratorNode needs a 'subject' parameter");
    }
    long now = Instant.now().getEpochSecond();
    long expiresAt = now + ((Number) inputs.getOrDefault("ttl_seconds", 300)).longValue();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", inputs.getOrDefault("issuer", "kailash-demo"));
    claims.put("sub", subject);
    claims.put("iat", now);
    claims.put("exp", expiresAt);
    return Map.of("token", Jwt.sign(claims, key), "subject", subject, "expires_at", expiresAt);
  }
}
