package io.kailash.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.util.Base64;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

/** Single reads and listing against moto's Secrets Manager. */
class AwsSecretsManagerProviderTest extends MotoBackedTest {

  @Override
  protected AwsProviderBuilder configure(AwsProviderBuilder builder) {
    return builder.listPageSize(2);
  }

  @Test
  void readsTheCurrentValue() {
    admin.createSecret(r -> r.name("payments/api-token").secretString("tok-1"));

    assertThat(provider.getSecret("payments/api-token")).isEqualTo("tok-1");
    assertThat(provider.getSecret("payments/api-token", null)).isEqualTo("tok-1");
  }

  @Test
  void buildsTheClientOnTheFirstReadNotBefore() {
    admin.createSecret(r -> r.name("lazy").secretString("v"));
    assertThat(provider.isClientBuilt()).isFalse();

    provider.getSecret("lazy");

    assertThat(provider.isClientBuilt()).isTrue();
  }

  @Test
  void afterARotationAwsCurrentIsTheNewValueAndAwsPreviousTheOld() {
    admin.createSecret(r -> r.name("signing-key").secretString("old-key"));
    admin.putSecretValue(r -> r.secretId("signing-key").secretString("new-key"));

    assertThat(provider.getSecret("signing-key")).isEqualTo("new-key");
    assertThat(provider.getSecret("signing-key", "AWSCURRENT")).isEqualTo("new-key");
    assertThat(provider.getSecret("signing-key", "AWSPREVIOUS")).isEqualTo("old-key");
    assertThat(provider.getSecret("signing-key", "stage:AWSPREVIOUS")).isEqualTo("old-key");
  }

  @Test
  void readsAVersionByItsUuidVersionId() {
    String first = admin.createSecret(r -> r.name("versioned").secretString("first")).versionId();
    admin.putSecretValue(r -> r.secretId("versioned").secretString("second"));

    assertThat(provider.getSecret("versioned", first)).isEqualTo("first");
  }

  @Test
  void readsANonUuidVersionIdWithTheIdPrefix() {
    String token = "release-2024-06-01-build-0000000042"; // 35 characters, not a UUID
    admin.createSecret(r -> r.name("tokened").secretString("by-token").clientRequestToken(token));
    admin.putSecretValue(r -> r.secretId("tokened").secretString("later"));

    assertThat(provider.getSecret("tokened", "id:" + token)).isEqualTo("by-token");
  }

  @Test
  void aCustomStagingLabelIsReadAsAStage() {
    admin.createSecret(r -> r.name("staged").secretString("current"));
    admin.putSecretValue(r -> r.secretId("staged").secretString("pending").versionStages("CANARY"));

    assertThat(provider.getSecret("staged", "CANARY")).isEqualTo("pending");
    assertThat(provider.getSecret("staged")).isEqualTo("current");
  }

  @Test
  void anUnknownStageIsNotFoundAndSaysWhichLabel() {
    admin.createSecret(r -> r.name("one-version").secretString("v"));

    assertThatThrownBy(() -> provider.getSecret("one-version", "AWSPREVIOUS"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.missing()).containsExactly(new SecretRef("one-version", "AWSPREVIOUS"));
              assertThat(e.detail()).contains("staging label 'AWSPREVIOUS'");
              assertThat(e.providersTried()).containsExactly("aws");
            });
  }

  @Test
  void aMissingSecretIsNotFound() {
    assertThatThrownBy(() -> provider.getSecret("no/such/secret"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> assertThat(e.secretName()).isEqualTo("no/such/secret"));
  }

  @Test
  void aSecretScheduledForDeletionIsNotFound() {
    admin.createSecret(r -> r.name("retired").secretString("v"));
    admin.deleteSecret(r -> r.secretId("retired").recoveryWindowInDays(7L));

    assertThatThrownBy(() -> provider.getSecret("retired"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> assertThat(e.detail()).contains("scheduled for deletion"));
  }

  @Test
  void readsBySecretArn() {
    String arn = admin.createSecret(r -> r.name("by-arn").secretString("arn-value")).arn();

    assertThat(provider.getSecret(arn)).isEqualTo("arn-value");
  }

  @Test
  void returnsBinarySecretsAsStandardBase64() {
    byte[] bytes = {0, 1, 2, (byte) 0xfb, (byte) 0xff, 0x3e};
    admin.createSecret(r -> r.name("keystore").secretBinary(SdkBytes.fromByteArray(bytes)));

    String value = provider.getSecret("keystore");

    assertThat(value).isEqualTo("AAEC+/8+");
    assertThat(Base64.getDecoder().decode(value)).containsExactly(bytes);
  }

  @Test
  void listsEveryPageSorted() {
    // Page size 2 (configure above): 7 secrets take four ListSecrets pages.
    IntStream.of(5, 3, 6, 1, 4, 2, 0)
        .forEach(i -> admin.createSecret(r -> r.name("app/s" + i).secretString("v" + i)));
    CountingSecretsManagerClient counting = new CountingSecretsManagerClient(admin);
    AwsSecretsManagerProvider counted =
        AwsSecretsManagerProvider.builder().client(counting).listPageSize(2).build();

    assertThat(counted.listSecrets())
        .containsExactly("app/s0", "app/s1", "app/s2", "app/s3", "app/s4", "app/s5", "app/s6");
    assertThat(counting.lists.get()).isEqualTo(4);
    assertThat(provider.listSecrets()).hasSize(7);
  }

  @Test
  void listingLeavesOutNamesThatCanOnlyBeReadByArn() {
    admin.createSecret(r -> r.name("/absolute/name").secretString("v"));
    admin.createSecret(r -> r.name("relative/name").secretString("v"));

    assertThat(provider.listSecrets()).containsExactly("relative/name");
  }
}
