package com.example.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.runtime.ExecutionResult;
import io.kailash.runtime.WorkflowExecutionException;
import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.secrets.SecretNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The first program of docs/getting-started.md: it runs as the document says, and the document
 * shows these very source files, so neither can rot.
 */
class HelloSecretsTest {

  private static final Path SOURCES = Path.of("src", "test", "java", "com", "example", "hello");
  private static final Path GUIDE =
      Path.of(System.getProperty("basedir", "."), "..", "docs", "getting-started.md").normalize();

  @Test
  void signsTheGreetingWithTheSecretFromTheEnvironment() throws Exception {
    var environment = Map.of("KAILASH_SECRET_SIGNING_KEY", "demo-signing-key");

    ExecutionResult result =
        HelloSecrets.run(new EnvironmentSecretProvider("KAILASH_SECRET_", environment));

    assertThat(result.outputs("sign"))
        .containsEntry("message", "Hello, world!")
        .containsEntry("signature", hmac("demo-signing-key", "Hello, world!"));
  }

  @Test
  void withoutTheSecretTheNodeDoesNotRun() {
    assertThatThrownBy(
            () -> HelloSecrets.run(new EnvironmentSecretProvider("KAILASH_SECRET_", Map.of())))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessageContaining("failed at node 'sign'")
        .hasCauseInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("'signing-key'");
  }

  @Test
  void theGuideShowsTheseSourcesVerbatim() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    for (String file : new String[] {"GreetNode.java", "SignNode.java", "HelloSecrets.java"}) {
      String source =
          Files.readString(
              Path.of(System.getProperty("basedir", ".")).resolve(SOURCES).resolve(file),
              StandardCharsets.UTF_8);
      assertThat(guide)
          .as("docs/getting-started.md shows %s verbatim; copy it from %s", file, SOURCES)
          .contains(source);
    }
  }

  private static String hmac(String key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
