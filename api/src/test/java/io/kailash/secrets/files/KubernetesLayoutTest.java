package io.kailash.secrets.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The provider over a directory laid out exactly as the kubelet lays out a Secret volume. */
class KubernetesLayoutTest {

  @TempDir Path dir;

  @Test
  void readsKeysThroughTheDataLinkAndTheTimestampedDirectory() throws Exception {
    new KubernetesSecretVolume(dir)
        .publish(Map.of("api-token", "tok-k8s-1\n", "db", "{\"password\":\"pw-k8s-1\"}"));
    assertThat(Files.isSymbolicLink(dir.resolve("..data"))).isTrue();
    assertThat(Files.isSymbolicLink(dir.resolve("api-token"))).isTrue();

    FilesSecretProvider provider = FilesSecretProvider.builder().directory(dir).build();

    assertThat(provider.getSecret("api-token")).isEqualTo("tok-k8s-1");
    assertThat(provider.getSecret("db#password")).isEqualTo("pw-k8s-1");
  }

  @Test
  void anUpdateBySwappingTheDataLinkIsServedAtOnceAndTheOldValueNeverAgain() {
    KubernetesSecretVolume volume =
        new KubernetesSecretVolume(dir).publish(Map.of("api-token", "tok-old"));
    FilesSecretProvider provider = FilesSecretProvider.builder().directory(dir).build();
    assertThat(provider.getSecret("api-token")).isEqualTo("tok-old");

    volume.publish(Map.of("api-token", "tok-new"));

    assertThat(provider.getSecret("api-token")).isEqualTo("tok-new");
    assertThat(provider.getSecret("api-token")).isEqualTo("tok-new");
    assertThat(
            provider.getSecretValues(
                java.util.List.of(io.kailash.secrets.SecretRef.current("api-token"))))
        .containsValue("tok-new");
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aReadDuringAnUpdateSeesTheOldOrTheNewValueNeverNotFound() throws Exception {
    KubernetesSecretVolume volume =
        new KubernetesSecretVolume(dir).publish(Map.of("api-token", "tok-0"));
    FilesSecretProvider provider = FilesSecretProvider.builder().directory(dir).build();
    AtomicBoolean updating = new AtomicBoolean(true);
    Thread updater =
        new Thread(
            () -> {
              try {
                for (int i = 1; i <= 300; i++) {
                  volume.publish(Map.of("api-token", "tok-" + i));
                }
              } finally {
                updating.set(false);
              }
            });
    updater.start();
    Set<String> seen = new HashSet<>();
    while (updating.get()) {
      seen.add(provider.getSecret("api-token"));
    }
    updater.join();

    assertThat(seen).allMatch(value -> value.matches("tok-\\d+"));
    assertThat(provider.getSecret("api-token")).isEqualTo("tok-300");
  }

  @Test
  void aKeyRemovedByAnUpdateIsNotFoundAfterIt() {
    KubernetesSecretVolume volume =
        new KubernetesSecretVolume(dir).publish(Map.of("api-token", "tok", "old-key", "gone"));
    FilesSecretProvider provider = FilesSecretProvider.builder().directory(dir).build();
    assertThat(provider.getSecret("old-key")).isEqualTo("gone");

    volume.publish(Map.of("api-token", "tok"));

    assertThatThrownBy(() -> provider.getSecret("old-key"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("there is no file 'old-key' in " + dir.toAbsolutePath())
        .hasMessageNotContaining("gone");
  }

  @Test
  void nestedKeysAreReadThroughTheirDirectoryLink() {
    new KubernetesSecretVolume(dir)
        .publish(Map.of("app/api-token", "tok-nested", "app/db", "{\"user\":\"u\"}"));
    FilesSecretProvider provider = FilesSecretProvider.builder().directory(dir).build();

    assertThat(provider.getSecret("app/api-token")).isEqualTo("tok-nested");
    assertThat(provider.getSecret("app/db#user")).isEqualTo("u");
  }

  @Test
  void listingShowsTheKeysOnlyNotTheDataLinkOrTimestampedDirectories() throws Exception {
    KubernetesSecretVolume volume =
        new KubernetesSecretVolume(dir)
            .publish(Map.of("api-token", "a", "app/db", "{}", "tls.crt", "c"));
    volume.publish(Map.of("api-token", "b", "app/db", "{}", "tls.crt", "d"));
    Files.writeString(dir.resolve(".hidden"), "x");
    FilesSecretProvider provider = FilesSecretProvider.builder().directory(dir).build();

    assertThat(provider.listSecrets()).containsExactly("api-token", "app/db", "tls.crt");
  }
}
