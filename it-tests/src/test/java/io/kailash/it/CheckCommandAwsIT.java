package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.check.CheckNodes;
import io.kailash.it.apps.check.MissingSecretNode;
import io.kailash.secrets.aws.testing.MotoClients;
import io.kailash.secrets.aws.testing.MotoServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@code java -jar kailash-secrets.jar check} with {@code providers=aws} against moto. */
class CheckCommandAwsIT {

  private static final String API_TOKEN = "tok-ch3ck-4ws-api-secret";

  private static MotoServer moto;

  @BeforeAll
  static void storeTheSecretInMoto() {
    moto = MotoServer.start();
    try (SecretsManagerClient admin = MotoClients.secretsManager(moto)) {
      admin.createSecret(request -> request.name("app/api-token").secretString(API_TOKEN));
    }
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void aSecretInSecretsManagerResolves() throws Exception {
    Path app = CheckRun.jar("", Map.of(), CheckNodes.ApiNode.class);

    JvmRun run = check("--config", awsConfig().toString(), "--jar", app.toString());

    assertThat(run.exitCode()).as("stdout %s; stderr %s", run.stdout(), run.stderr()).isZero();
    assertThat(run.stdout())
        .contains(
            "  aws: ok (reachable, authenticated, allowed to read)",
            "    ok   app/api-token -> parameter api_token, required, policy allows, resolves from"
                + " aws");
    run.assertNoSecrets(API_TOKEN);
  }

  @Test
  void aSecretMissingFromSecretsManagerFailsTheCheck() throws Exception {
    Path app = CheckRun.jar("", Map.of(), MissingSecretNode.class);

    JvmRun run = check("--config", awsConfig().toString(), "--jar", app.toString());

    assertThat(run.exitCode()).as("stdout %s; stderr %s", run.stdout(), run.stderr()).isOne();
    assertThat(run.stdout())
        .anyMatch(
            line -> line.startsWith("    FAIL app/forgotten-key") && line.contains("NOT FOUND"));
    run.assertNoSecrets(API_TOKEN);
  }

  private static Path awsConfig() throws Exception {
    return CheckRun.config(
        "providers = aws",
        "aws.region = " + MotoClients.REGION,
        "aws.endpoint = " + moto.endpoint());
  }

  private static JvmRun check(String... arguments) throws Exception {
    return new CheckRun()
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .check(arguments);
  }
}
