package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.TokenApp;
import io.kailash.secrets.aws.testing.MotoClients;
import io.kailash.secrets.aws.testing.MotoServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code providers=aws} against moto: the application has no AWS SDK on its class path; the agent's
 * own, isolated copy (with its service files and HTTP client) serves the node.
 */
class AwsThroughTheAgentIT {

  private static final String TOKEN = "tok-4w5-m0t0-it-secret";

  private static MotoServer moto;

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  @BeforeAll
  static void storeTheSecretInMoto() {
    moto = MotoServer.start();
    try (SecretsManagerClient admin = MotoClients.secretsManager(moto)) {
      admin.createSecret(request -> request.name("api-token").secretString(TOKEN));
    }
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void nodeGetsItsSecretFromAwsSecretsManager(Jdk jdk) throws Exception {
    jdk.assumePresent();

    JvmRun run =
        ForkedJvm.of(jdk, TokenApp.class)
            // What Outcome compares with; the env provider is not in the chain.
            .env("KAILASH_SECRET_API_TOKEN", TOKEN)
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .agent(
                "providers=aws;aws.region="
                    + MotoClients.REGION
                    + ";aws.endpoint="
                    + moto.endpoint())
            .run();

    run.assertClean(List.of("token=injected"), TOKEN);
    assertThat(run.stat("resolutions")).isEqualTo(1);
  }
}
