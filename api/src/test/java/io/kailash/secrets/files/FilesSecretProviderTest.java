package io.kailash.secrets.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading plain files: content rules, JSON fields, versions, absence and the messages. */
class FilesSecretProviderTest {

  @TempDir Path dir;
  private FilesSecretProvider provider;

  @BeforeEach
  void provider() {
    provider = FilesSecretProvider.builder().directory(dir).build();
  }

  @Test
  void readsAFileAndStripsOneTrailingLineBreakOnly() throws Exception {
    Files.writeString(dir.resolve("lf"), "value-lf\n");
    Files.writeString(dir.resolve("crlf"), "value-crlf\r\n");
    Files.writeString(dir.resolve("two"), "value-two\n\n");
    Files.writeString(dir.resolve("none"), "  value with spaces  ");

    assertThat(provider.getSecret("lf")).isEqualTo("value-lf");
    assertThat(provider.getSecret("crlf")).isEqualTo("value-crlf");
    assertThat(provider.getSecret("two")).isEqualTo("value-two\n");
    assertThat(provider.getSecret("none")).isEqualTo("  value with spaces  ");
  }

  @Test
  void namesWithSlashesAreSubDirectoriesAndContentIsUtf8() throws Exception {
    Files.createDirectories(dir.resolve("payments"));
    Files.writeString(dir.resolve("payments/api-token"), "tök-ünïcode-密");

    assertThat(provider.getSecret("payments/api-token")).isEqualTo("tök-ünïcode-密");
  }

  @Test
  void contentThatIsNotUtf8IsRefusedWithoutShowingIt() throws Exception {
    Files.write(dir.resolve("latin1"), new byte[] {'p', 'w', (byte) 0xE9, 'x'});

    assertThatThrownBy(() -> provider.getSecret("latin1"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("'latin1' in " + dir.toAbsolutePath() + " is not valid UTF-8")
        .hasMessageNotContaining("pw")
        .hasNoCause();
  }

  @Test
  void anAbsentFileIsNotFoundNamingTheSecretAndThePathRelativeToTheDirectory() {
    assertThatThrownBy(() -> provider.getSecret("app/missing"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("Secret 'app/missing' was not found; providers tried: files")
        .hasMessageContaining("there is no file 'app/missing' in " + dir.toAbsolutePath())
        .hasNoCause();
  }

  @Test
  void anEmptyFileOrADirectoryCountsAsAbsent() throws Exception {
    Files.writeString(dir.resolve("empty"), "\n");
    Files.createDirectories(dir.resolve("db"));

    assertThatThrownBy(() -> provider.getSecret("empty"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("'empty' in " + dir.toAbsolutePath() + " is empty");
    assertThatThrownBy(() -> provider.getSecret("db"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("is a directory, not a file");
  }

  @Test
  void aFieldOfAJsonFileIsReadAndErrorsListFieldNamesNeverValues() throws Exception {
    Files.writeString(
        dir.resolve("db"), "{\"username\":\"app\",\"password\":\"pw-json-1\",\"port\":5432}\n");
    Files.writeString(dir.resolve("plain"), "pw-not-json");

    assertThat(provider.getSecret("db#password")).isEqualTo("pw-json-1");
    assertThat(provider.getSecret("db#port")).isEqualTo("5432");
    assertThatThrownBy(() -> provider.getSecret("db#pasword"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("has no field 'pasword'; its fields: [username, password, port]")
        .hasMessageNotContaining("pw-json-1");
    assertThatThrownBy(() -> provider.getSecret("plain#password"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("is not a JSON object")
        .hasMessageNotContaining("pw-not-json")
        .hasNoCause()
        .extracting(e -> ((SecretBackendException) e).reason())
        .isEqualTo(SecretBackendException.Reason.INVALID_RESPONSE);
  }

  @Test
  void aVersionIsTheFileWithAnAtSuffixAndAMissingVersionIsNotFound() throws Exception {
    Files.writeString(dir.resolve("api-key"), "key-current");
    Files.writeString(dir.resolve("api-key@v1"), "key-v1");
    Files.writeString(dir.resolve("db@3"), "{\"password\":\"pw-v3\"}");

    assertThat(provider.getSecret("api-key", "v1")).isEqualTo("key-v1");
    assertThat(provider.getSecret("api-key", "")).isEqualTo("key-current");
    assertThat(provider.getSecret("db#password", "3")).isEqualTo("pw-v3");
    assertThatThrownBy(() -> provider.getSecret("api-key", "v2"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("Secret 'api-key@v2' was not found")
        .hasMessageContaining("there is no file 'api-key@v2'");
  }

  @Test
  void versionsAndNamesThatCannotBeAFileNameAreRefusedNamingTheAcceptedForm() {
    assertThatThrownBy(() -> provider.getSecret("api-key", "../v1"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("version 'v1' of 'api-key' is the file 'api-key@v1'");
    assertThatThrownBy(() -> provider.getSecret("api-key@v1"))
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("'@' is reserved for the version suffix");
  }

  @Test
  void listsRegularFilesByNameWithVersionsFoldedIntoTheirName() throws Exception {
    Files.createDirectories(dir.resolve("app/nested"));
    Files.writeString(dir.resolve("app/nested/key"), "k");
    Files.writeString(dir.resolve("api-key"), "k");
    Files.writeString(dir.resolve("api-key@v1"), "k");
    Files.writeString(dir.resolve("only-versioned@2"), "k");
    Files.writeString(dir.resolve(".env"), "k");

    assertThat(provider.listSecrets())
        .containsExactly("api-key", "app/nested/key", "only-versioned");
  }

  @Test
  void permissionDeniedIsAccessDeniedWithoutCauseOrContent() {
    // Tests run as root, who may read any file, so the file system's own exception is used.
    SecretRef ref = SecretRef.current("app/key");
    RuntimeException failure =
        FileFailures.of(
            new AccessDeniedException("/x/app/key"),
            ref,
            SecretFileName.of(ref, "files"),
            new FileFailures.Reading("files", "/x", 10));

    assertThat(failure)
        .isInstanceOf(SecretBackendException.class)
        .hasMessageContaining("permission denied reading 'app/key' in /x")
        .hasNoCause();
    assertThat(((SecretBackendException) failure).reason())
        .isEqualTo(SecretBackendException.Reason.ACCESS_DENIED);
  }

  @Test
  void theBatchReadLeavesAbsentSecretsOut() throws Exception {
    Files.writeString(dir.resolve("present"), "p");

    assertThat(
            provider.getSecretValues(
                List.of(SecretRef.current("present"), SecretRef.current("absent"))))
        .containsOnlyKeys(SecretRef.current("present"));
  }

  @Test
  void theBuilderNeedsAnExistingDirectory() {
    assertThatThrownBy(() -> FilesSecretProvider.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("directory(");
    assertThatThrownBy(() -> FilesSecretProvider.builder().directory(dir.resolve("nope")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope does not exist");
    assertThat(FilesSecretProvider.builder().directory(dir).build())
        .hasToString("FilesSecretProvider[directory=" + dir.toAbsolutePath() + "]");
  }
}
