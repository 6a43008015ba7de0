package io.kailash.demo;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a JWT's signature with the injected {@code jwt-signing-key} and that it has not expired.
 *
 * <p>Input: {@code token}. Outputs: {@code verified} (boolean) and {@code subject} (empty when not
 * verified).
 */
@SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
public class TokenVerifierNode extends Node {

  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    String key = InjectedSecret.require(inputs, "secret_key", getClass());
    Optional<Map<String, Object>> claims = Jwt.verify(String.valueOf(inputs.get("token")), key);
    boolean valid =
        claims.isPresent()
            && claims.get().get("exp") instanceof Number exp
            && exp.longValue() > Instant.now().getEpochSecond();
    Object subject = valid ? claims.get().get("sub") : "";
    return Map.of("verified", valid, "subject", subject);
  }
}
