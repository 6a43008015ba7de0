package io.kailash.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.aws.AwsSecretsManagerProvider;
import io.kailash.secrets.aws.testing.MotoClients;
import io.kailash.secrets.aws.testing.MotoServer;
import io.kailash.secrets.aws.testing.MotoServerExtension;
import io.kailash.secrets.vault.VaultSecretProvider;
import io.kailash.secrets.vault.testing.VaultApiDouble;
import io.kailash.testing.LeakProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The seed's rotation example on every provider: {@code key} at version {@code v2}, the optional
 * {@code previous_key} at {@code v1}, and an optional {@code v9} that does not exist. One mapping
 * of {@code v<n>} per provider (docs/configuration.md, "Versions"); a version that does not exist
 * is absent for an optional requirement and fails a required one, naming the accepted forms.
 */
@ExtendWith(MotoServerExtension.class)
class VersionsAcrossProvidersTest {

  private static final String OLD = "old-key-1b9e";
  private static final String NEW = "new-key-7c3a";

  private static final List<SecretRequest> ROTATION =
      List.of(
          SecretRequest.required("signing-key", "key").withVersion("v2"),
          SecretRequest.optional("signing-key", "previous_key").withVersion("v1"),
          SecretRequest.optional("signing-key", "ancient_key").withVersion("v9"));

  private static void assertRotation(SecretProvider provider, String acceptedForms) {
    Map<String, String> values = provider.getSecrets(ROTATION);

    assertThat(values).containsOnlyKeys("key", "previous_key");
    assertThat(values.get("key")).isEqualTo(NEW);
    assertThat(values.get("previous_key")).isEqualTo(OLD);
    try (LeakProbe probe = LeakProbe.open()) {
      probe.value("getSecrets", values.toString());
      probe.value("entries", values.entrySet().toString());
      probe.value("values", values.values().toString());
      assertThatThrownBy(
              () ->
                  provider.getSecrets(
                      List.of(SecretRequest.required("signing-key", "key").withVersion("v9"))))
          .isInstanceOfSatisfying(
              SecretNotFoundException.class,
              e -> {
                probe.exception(e);
                assertThat(e.getMessage()).contains("signing-key@v9");
              });
      assertThatThrownBy(
              () ->
                  provider.getSecrets(
                      List.of(
                          SecretRequest.required("signing-key", "key")
                              .withVersion("no such form!"))))
          .isInstanceOf(SecretNotFoundException.class)
          .hasMessageContaining("Versions: 'v2' (or '2') is Vault KV version 2");
      assertThatThrownBy(() -> provider.getSecret("signing-key", "v9"))
          .isInstanceOf(SecretNotFoundException.class)
          .hasMessageContaining(acceptedForms);
      probe.assertNowhere(OLD, NEW);
    }
  }

  @Test
  void environment() {
    EnvironmentSecretProvider env =
        new EnvironmentSecretProvider(
            "KAILASH_SECRET_",
            Map.of(
                "KAILASH_SECRET_SIGNING_KEY__V1", OLD,
                "KAILASH_SECRET_SIGNING_KEY__V2", NEW));

    assertRotation(env, "__V9 is not set");
  }

  @Test
  void vault() {
    try (VaultApiDouble vault = VaultApiDouble.start()) {
      vault.putKv2("secret", "signing-key", Map.of("value", OLD));
      vault.putKv2("secret", "signing-key", Map.of("value", NEW));
      VaultSecretProvider provider =
          VaultSecretProvider.builder().url(vault.url()).token(vault.rootToken()).build();

      assertRotation(provider, "version v9 does not exist");
      assertThat(provider.getSecret("signing-key", "2")).isEqualTo(NEW);
    }
  }

  @Test
  void aws(MotoServer moto) {
    moto.reset();
    try (SecretsManagerClient admin = MotoClients.secretsManager(moto);
        AwsSecretsManagerProvider provider = MotoClients.provider(moto).build()) {
      String oldVersion =
          admin.createSecret(r -> r.name("signing-key").secretString(OLD)).versionId();
      String newVersion =
          admin.putSecretValue(r -> r.secretId("signing-key").secretString(NEW)).versionId();
      admin.updateSecretVersionStage(
          r -> r.secretId("signing-key").versionStage("v1").moveToVersionId(oldVersion));
      admin.updateSecretVersionStage(
          r -> r.secretId("signing-key").versionStage("v2").moveToVersionId(newVersion));

      assertRotation(provider, "an AWS version is a staging label");
    }
  }
}
