package com.example.hello;

import io.kailash.secrets.SecretRequirement;
import io.kailash.workflow.Node;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs its message with the secret "signing-key", injected as the parameter "key". */
@SecretRequirement(name = "signing-key", parameter = "key")
public class SignNode extends Node {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    String key = (String) inputs.get("key"); // injected just before run
    String message = (String) inputs.get("message"); // from GreetNode
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
      return Map.of("message", message, "signature", HexFormat.of().formatHex(signature));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
