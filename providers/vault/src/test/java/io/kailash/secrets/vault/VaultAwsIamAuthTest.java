package io.kailash.secrets.vault;

import static io.kailash.secrets.vault.BackendFailures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.vault.testing.TokenSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * AWS IAM login: a GetCallerIdentity request signed by the AWS SDK's SigV4 signer, whose signature
 * the double checks with the principal's secret key, as STS would.
 */
class VaultAwsIamAuthTest extends DoubleTestBase {

  private static final String ACCESS_KEY = "AKIAKAILASHTEST0001";
  private static final String ARN = "arn:aws:iam::123456789012:role/app";
  private final String secretKey = "secret-" + UUID.randomUUID();

  @Override
  String secretPath() {
    return "app";
  }

  @BeforeEach
  void principal() {
    neverLogged.addAll(List.of(secretKey));
    vault.addAwsIdentity(ACCESS_KEY, secretKey, ARN);
    vault.enableAwsIam("aws", "app", ARN, TokenSpec.of(Duration.ofHours(1), true));
  }

  private VaultSecretProvider provider(String role, String secret, String serverId) {
    return VaultSecretProvider.builder()
        .url(vault.url())
        .timeSource(clock)
        .auth(
            VaultAuth.awsIam(
                "aws",
                role,
                "us-east-1",
                null,
                serverId,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret))))
        .build();
  }

  @Test
  void logsInWithASignedGetCallerIdentityRequest() {
    VaultSecretProvider provider = provider("app", secretKey, null);

    assertThat(provider.getSecret("app")).isEqualTo(value);
    assertThat(vault.requestCount("auth/aws/login")).isEqualTo(1);
    assertThat(provider.toString()).contains("aws-iam(mount=aws, role=app, region=us-east-1)");
  }

  @Test
  void aRequestSignedWithTheWrongKeyIsRefusedWithoutShowingIt() {
    String wrong = "wrong-" + UUID.randomUUID();
    neverLogged.add(wrong);

    assertFailsWith(Reason.ACCESS_DENIED, () -> provider("app", wrong, null).getSecret("app"))
        .hasMessageContaining("Vault refused the login at auth/aws (HTTP 400")
        .hasMessageContaining("SignatureDoesNotMatch")
        .hasMessageContaining("aws.role")
        .hasMessageNotContaining(wrong)
        .hasMessageNotContaining(secretKey);
  }

  @Test
  void theServerIdHeaderIsSignedWhenVaultRequiresIt() {
    vault.awsIamServerId("vault.example.com");

    assertFailsWith(Reason.ACCESS_DENIED, () -> provider("app", secretKey, null).getSecret("app"))
        .hasMessageContaining("X-Vault-AWS-IAM-Server-ID");
    assertThat(provider("app", secretKey, "vault.example.com").getSecret("app")).isEqualTo(value);
  }

  @Test
  void aPrincipalTheRoleDoesNotBindIsDenied() {
    vault.enableAwsIam(
        "aws",
        "other",
        "arn:aws:iam::123456789012:role/other",
        TokenSpec.of(Duration.ofHours(1), true));

    assertFailsWith(Reason.ACCESS_DENIED, () -> provider("other", secretKey, null).getSecret("app"))
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("does not belong to the role");
  }

  @Test
  void configuredWithKeysAndTheStandardCredentialChain() {
    vault.enableAwsIam("aws-eu", "app", ARN, TokenSpec.of(Duration.ofHours(1), true));
    String previousKey = System.setProperty("aws.accessKeyId", ACCESS_KEY);
    String previousSecret = System.setProperty("aws.secretAccessKey", secretKey);
    try {
      VaultProviderFactory factory = new VaultProviderFactory(new VaultEnvironment(Map.of(), null));
      SecretProvider provider =
          factory.create(
              ProviderSettings.of(
                  "vault",
                  Map.of(
                      "url", vault.url(),
                      "auth", "aws-iam",
                      "aws.mount", "aws-eu",
                      "aws.role", "app",
                      "aws.region", "eu-west-1")));
      assertThat(provider.getSecret("app")).isEqualTo(value);
    } finally {
      restore("aws.accessKeyId", previousKey);
      restore("aws.secretAccessKey", previousSecret);
    }
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }
}
