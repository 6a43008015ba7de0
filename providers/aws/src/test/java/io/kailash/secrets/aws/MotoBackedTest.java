package io.kailash.secrets.aws;

import io.kailash.secrets.aws.testing.MotoClients;
import io.kailash.secrets.aws.testing.MotoServer;
import io.kailash.secrets.aws.testing.MotoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Base for tests against the shared moto server: each test starts from an empty moto, with an
 * {@link #admin} client to create secrets and a {@link #provider} pointed at moto.
 */
@ExtendWith(MotoServerExtension.class)
abstract class MotoBackedTest {

  protected SecretsManagerClient admin;
  protected AwsSecretsManagerProvider provider;

  @BeforeEach
  void startFromAnEmptyMoto(MotoServer moto) {
    moto.reset();
    admin = MotoClients.secretsManager(moto);
    provider = configure(MotoClients.provider(moto)).build();
  }

  @AfterEach
  void closeClients() {
    provider.close();
    admin.close();
  }

  /** Adjusts the provider under test; the default keeps every setting. */
  protected AwsProviderBuilder configure(AwsProviderBuilder builder) {
    return builder;
  }
}
