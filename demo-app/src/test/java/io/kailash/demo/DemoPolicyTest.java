package io.kailash.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.policy.PolicyDefault;
import io.kailash.secrets.policy.PolicyFile;
import io.kailash.secrets.policy.SecretPolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The demo's policy file (which its agent configuration names) fits the demo's nodes. */
class DemoPolicyTest {

  /** Tests run in demo-app/; the README's command runs in the repository root. */
  private static final Path MODULE = Path.of("").toAbsolutePath();

  /** A class outside the policy that declares the demo's signing key. */
  @SecretRequirement(name = "jwt-signing-key", parameter = "secret_key")
  static final class CopiedSigner {}

  private static SecretPolicy demoPolicy() throws IOException {
    Properties agent = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            MODULE.resolve("kailash-secrets.properties"), StandardCharsets.UTF_8)) {
      agent.load(in);
    }
    assertThat(agent.getProperty("policy.file")).isEqualTo("demo-app/kailash-secrets.policy");
    assertThat(agent.getProperty("policy.default")).isEqualTo("deny");
    return PolicyFile.read(MODULE.resolve("kailash-secrets.policy"), PolicyDefault.DENY);
  }

  @Test
  void eachDemoNodeMayReceiveWhatItDeclaresAndNothingElse() throws IOException {
    SecretPolicy policy = demoPolicy();

    assertThat(policy.permits(TokenGeneratorNode.class, "jwt-signing-key")).isTrue();
    assertThat(policy.permits(TokenVerifierNode.class, "jwt-signing-key")).isTrue();
    assertThat(policy.permits(HTTPRequestNode.class, "api-token")).isTrue();
    assertThat(policy.permits(HTTPRequestNode.class, "jwt-signing-key")).isFalse();
    assertThat(policy.permits(CopiedSigner.class, "jwt-signing-key")).isFalse();
  }
}
