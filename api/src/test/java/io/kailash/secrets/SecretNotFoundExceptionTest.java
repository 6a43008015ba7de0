package io.kailash.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretNotFoundExceptionTest {

  @Test
  void oneMissingSecret() {
    SecretNotFoundException e =
        new SecretNotFoundException("api-token", "3", List.of("vault", "env"));

    assertThat(e)
        .hasMessage(
            "Secret 'api-token@3' was not found; providers tried: vault, env. Store the secret in"
                + " one of them, or declare it optional. Versions: 'v2' (or '2') is Vault KV"
                + " version 2, the AWS staging label 'v2' and the environment variable suffix"
                + " __V2; AWS also takes a label such as AWSPREVIOUS or a version id (a UUID, or"
                + " id:<id>); see docs/configuration.md, Versions.");
    assertThat(e.secretName()).isEqualTo("api-token");
    assertThat(e.version()).isEqualTo("3");
    assertThat(e.providersTried()).containsExactly("vault", "env");
    assertThat(e.detail()).isEmpty();
    assertThat(e).isInstanceOf(SecretProviderException.class);
  }

  @Test
  void severalMissingSecretsWithADetail() {
    SecretNotFoundException e =
        new SecretNotFoundException(
            List.of(SecretRef.current("a"), new SecretRef("b", "v2")),
            List.of("vault"),
            "version v2 was destroyed");

    assertThat(e)
        .hasMessage(
            "Secrets 'a', 'b@v2' were not found; providers tried: vault (version v2 was"
                + " destroyed). Store the secret in one of them, or declare it optional."
                + SecretNotFoundException.VERSION_FORMS);
    assertThat(e.missing()).hasSize(2);
  }

  @Test
  void noProviderAndMoreProviders() {
    SecretNotFoundException e =
        new SecretNotFoundException(List.of(SecretRef.current("a")), List.of(), null);

    assertThat(e).hasMessage("Secret 'a' was not found. Store the secret, or declare it optional.");
    assertThat(e.detail()).isEmpty();
    assertThat(e.withProvidersTried(List.of("x", "y")).providersTried()).containsExactly("x", "y");
    assertThat(e.withProvidersTried(List.of("x", "y")).getMessage())
        .contains("providers tried: x, y");
  }

  @Test
  void needsAtLeastOneMissingSecret() {
    assertThatThrownBy(() -> new SecretNotFoundException(List.of(), List.of("env"), ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void backendExceptionsFormatProviderSecretAndReason() {
    SecretBackendException e =
        new SecretBackendException(
            "vault", null, SecretBackendException.Reason.UNAVAILABLE, "connection refused");

    assertThat(e).hasMessage("Provider vault failed [UNAVAILABLE]: connection refused");
    assertThat(e.isTransient()).isTrue();
    assertThat(SecretBackendException.Reason.ACCESS_DENIED.isTransient()).isFalse();
  }
}
