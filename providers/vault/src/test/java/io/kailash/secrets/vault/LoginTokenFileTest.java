package io.kailash.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JWT and Kubernetes logins read their token file through one {@link LoginTokenFile}, each with
 * its own whitespace rule (JWT: {@code strip}, Unicode spaces too; Kubernetes: {@code trim}, ASCII
 * only) and its own messages, which stay as they were.
 */
class LoginTokenFileTest {

  private static final String EM_SPACE = "\u2003";

  @TempDir Path dir;

  private String jwtOf(String content) throws IOException {
    Path file = Files.writeString(dir.resolve("jwt"), content, StandardCharsets.UTF_8);
    return new JwtAuth("jwt", "ci", file).credentials("vault").get("jwt");
  }

  private String kubernetesJwtOf(String content) throws IOException {
    Path file = Files.writeString(dir.resolve("sa-token"), content, StandardCharsets.UTF_8);
    return new KubernetesAuth("kubernetes", "app", file).credentials("vault").get("jwt");
  }

  private static SecretBackendException failure(ThrowingRead read) {
    SecretBackendException failure = catchThrowableOfType(SecretBackendException.class, read::run);
    assertThat(failure).isNotNull();
    assertThat(failure.reason()).isEqualTo(Reason.MISCONFIGURED);
    return failure;
  }

  interface ThrowingRead {
    void run() throws IOException;
  }

  @Test
  void jwtStripsUnicodeWhitespaceKubernetesTrimsAsciiOnly() throws IOException {
    assertThat(jwtOf(" eyJ.a.b\n")).isEqualTo("eyJ.a.b");
    assertThat(kubernetesJwtOf(" eyJ.a.b\n")).isEqualTo("eyJ.a.b");
    assertThat(jwtOf(EM_SPACE + "eyJ.a.b" + EM_SPACE)).isEqualTo("eyJ.a.b");
    assertThat(kubernetesJwtOf(EM_SPACE + "eyJ.a.b" + EM_SPACE))
        .isEqualTo(EM_SPACE + "eyJ.a.b" + EM_SPACE);
  }

  @Test
  void aMissingFileIsReportedInEachMethodsWords() {
    Path missing = dir.resolve("absent");

    SecretBackendException jwt =
        failure(() -> new JwtAuth("jwt", "ci", missing).credentials("vault"));
    assertThat(jwt.detail())
        .isEqualTo(
            "the JWT file "
                + missing
                + " cannot be read (NoSuchFileException). Set jwt.file to the file your platform"
                + " writes the token to (a projected service account token, a CI OIDC token).");
    assertThat(jwt.getCause()).isNull();

    SecretBackendException kubernetes =
        failure(() -> new KubernetesAuth("kubernetes", "app", missing).credentials("vault"));
    assertThat(kubernetes.detail())
        .isEqualTo(
            "cannot read the Kubernetes service account token "
                + missing
                + " (NoSuchFileException). Run in a pod with a service account token, or set"
                + " kubernetes.jwt-path.");
    assertThat(kubernetes.getCause()).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void anEmptyFileIsReportedInEachMethodsWords() {
    Path jwtFile = dir.resolve("jwt");
    SecretBackendException jwt = failure(() -> jwtOf(" \n"));
    assertThat(jwt.detail())
        .isEqualTo(
            "the JWT file "
                + jwtFile
                + " is empty. Set jwt.file to the file your platform writes the token to (a"
                + " projected service account token, a CI OIDC token).");

    Path saToken = dir.resolve("sa-token");
    SecretBackendException kubernetes = failure(() -> kubernetesJwtOf(" \n"));
    assertThat(kubernetes.detail())
        .isEqualTo(
            "cannot read the Kubernetes service account token "
                + saToken
                + " (the file is empty). Run in a pod with a service account token, or set"
                + " kubernetes.jwt-path.");
    assertThat(kubernetes.getCause()).isNull();
  }

  @Test
  void onlyUnicodeSpaceIsEmptyForJwtButAnUnusableCredentialForKubernetes() {
    assertThat(failure(() -> jwtOf(EM_SPACE)).detail()).contains(" is empty. Set jwt.file");
    assertThat(failure(() -> kubernetesJwtOf(EM_SPACE)).detail())
        .isEqualTo(
            "The Kubernetes service account token "
                + dir.resolve("sa-token")
                + " is not usable: it is empty. Its value is not shown.");
  }

  @Test
  void anUnusableTokenIsRefusedNamingItsFileNotItsValue() {
    SecretBackendException jwt = failure(() -> jwtOf("eyJ.secret\nsecond-line"));
    assertThat(jwt.detail())
        .startsWith("The JWT in " + dir.resolve("jwt") + " is not usable: it has a line break")
        .endsWith("Its value is not shown.")
        .doesNotContain("eyJ.secret");

    SecretBackendException kubernetes = failure(() -> kubernetesJwtOf("eyJ.secret\nsecond-line"));
    assertThat(kubernetes.detail())
        .startsWith(
            "The Kubernetes service account token "
                + dir.resolve("sa-token")
                + " is not usable: it has a line break")
        .doesNotContain("eyJ.secret");
  }
}
