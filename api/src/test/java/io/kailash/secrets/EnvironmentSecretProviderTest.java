package io.kailash.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSecretProviderTest {

  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "KAILASH_SECRET_JWT_SIGNING_KEY", "jwt-value",
          "KAILASH_SECRET_API_KEY", "current-key",
          "KAILASH_SECRET_API_KEY__V1", "old-key",
          "KAILASH_SECRET_ONLY_VERSIONED__V2", "v2-value",
          "KAILASH_SECRET_EMPTY", "",
          "KAILASH_SECRET_lower", "unreadable",
          "PATH", "/usr/bin:/bin",
          "OTHER_SECRET_X", "other");

  private final EnvironmentSecretProvider provider =
      new EnvironmentSecretProvider("KAILASH_SECRET_", ENVIRONMENT);

  @Test
  void mapsCanonicalNamesToUpperCaseWithDashesAsUnderscoresAndSlashesAsThree() {
    assertThat(provider.variableFor("jwt-signing-key", ""))
        .isEqualTo("KAILASH_SECRET_JWT_SIGNING_KEY");
    assertThat(provider.variableFor("payments/db-password", null))
        .isEqualTo("KAILASH_SECRET_PAYMENTS___DB_PASSWORD");
    assertThat(provider.getSecret("jwt-signing-key")).isEqualTo("jwt-value");
  }

  @Test
  void lookalikeNamesReadNothingInsteadOfAnotherNamesVariable() {
    for (String lookalike :
        List.of("jwt.signing.key", "JWT_Signing/Key", "jwt_signing_key", "na\u00efve", "a#b")) {
      assertThatThrownBy(() -> provider.getSecret(lookalike))
          .as(lookalike)
          .isInstanceOf(SecretNotFoundException.class)
          .hasMessageContaining("canonical names")
          .hasMessageContaining("'db-password'");
      assertThatThrownBy(() -> provider.variableFor(lookalike, ""))
          .isInstanceOfSatisfying(
              SecretBackendException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
    }
  }

  @Test
  void canonicalNamesAndVersionsArePartsJoinedBySingleSeparators() {
    for (String name : List.of("a", "a-b-c", "acme/db-password", "x1/2y", "0")) {
      assertThat(provider.variableFor(name, "")).as(name).startsWith("KAILASH_SECRET_");
    }
    for (String name : List.of("-a", "a-", "a--b", "", "a//b", "/a", "a/", "a_b", "A")) {
      assertThatThrownBy(() -> provider.variableFor(name, ""))
          .as(name)
          .isInstanceOf(SecretBackendException.class);
    }
    for (String version : List.of("v2", "V2", "1.0", "v-2_3.4", "AWSPREVIOUS")) {
      assertThat(provider.variableFor("a", version)).as(version).contains("__");
    }
    for (String version : List.of("_v", "v.", "v..2", "v 2", "v/2", "v-_2")) {
      assertThatThrownBy(() -> provider.variableFor("a", version))
          .as(version)
          .isInstanceOf(SecretBackendException.class);
    }
  }

  @Test
  void theMappingIsOneToOneAcrossSegmentsSoTenantsNeverShareAVariable() {
    Map<String, String> environment =
        Map.of(
            "KAILASH_SECRET_ACME___X___DB", "acme's x/db",
            "KAILASH_SECRET_ACME_X___DB", "acme-x's db",
            "KAILASH_SECRET_ACME___X_DB", "acme's x-db");
    EnvironmentSecretProvider env = new EnvironmentSecretProvider("KAILASH_SECRET_", environment);
    TenantSecretProvider acme = new TenantSecretProvider(env, "acme");
    TenantSecretProvider acmeX = new TenantSecretProvider(env, "acme-x");

    assertThat(acme.getSecret("x/db")).isEqualTo("acme's x/db");
    assertThat(acme.getSecret("x-db")).isEqualTo("acme's x-db");
    assertThat(acmeX.getSecret("db")).isEqualTo("acme-x's db");
    assertThatThrownBy(() -> new TenantSecretProvider(env, "acme_x").getSecret("db"))
        .isInstanceOf(SecretNotFoundException.class);
    assertThat(acme.listSecrets()).containsExactly("x-db", "x/db");
    assertThat(acmeX.listSecrets()).containsExactly("db");
    assertThat(env.listSecrets()).containsExactly("acme-x/db", "acme/x-db", "acme/x/db");
  }

  @Test
  void versionsReadTheDoubleUnderscoreSuffix() {
    assertThat(provider.variableFor("api-key", "v1")).isEqualTo("KAILASH_SECRET_API_KEY__V1");
    assertThat(provider.getSecret("api-key", "v1")).isEqualTo("old-key");
    assertThat(provider.getSecret("api-key", "")).isEqualTo("current-key");
    assertThat(provider.getSecret("api-key", null)).isEqualTo("current-key");
  }

  @Test
  void neverFallsBackToTheUnprefixedVariable() {
    assertThatThrownBy(() -> provider.getSecret("path"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.secretName()).isEqualTo("path");
              assertThat(e.providersTried()).containsExactly("env");
              assertThat(e.detail())
                  .isEqualTo("environment variable KAILASH_SECRET_PATH is not set");
            })
        .message()
        .doesNotContain("/usr/bin");
  }

  @Test
  void aMissingVersionOrAnEmptyVariableIsNotFound() {
    assertThatThrownBy(() -> provider.getSecret("api-key", "v9"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class, e -> assertThat(e.version()).isEqualTo("v9"))
        .hasMessageContaining("'api-key@v9'")
        .hasMessageContaining("KAILASH_SECRET_API_KEY__V9 is not set");
    assertThatThrownBy(() -> provider.getSecret("empty"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("KAILASH_SECRET_EMPTY is empty");
  }

  @Test
  void listsCanonicalNamesSortedOnceEachWithoutVersionsAndOnlyReadableOnes() {
    assertThat(provider.listSecrets())
        .containsExactly("api-key", "empty", "jwt-signing-key", "only-versioned");
    for (String name : provider.listSecrets()) {
      String variable = provider.variableFor(name, "");
      assertThat(ENVIRONMENT.keySet())
          .anyMatch(v -> v.equals(variable) || v.startsWith(variable + "__"));
    }
  }

  @Test
  void aCustomPrefixReadsOnlyItsOwnVariables() {
    EnvironmentSecretProvider other = new EnvironmentSecretProvider("OTHER_SECRET_", ENVIRONMENT);

    assertThat(other.getSecret("x")).isEqualTo("other");
    assertThat(other.listSecrets()).containsExactly("x");
    assertThatThrownBy(() -> other.getSecret("jwt-signing-key"))
        .isInstanceOf(SecretNotFoundException.class);
  }

  @Test
  void invalidNamesAreRejectedBeforeAnyLookup() {
    for (String bad : List.of("", "../etc", "/abs", "a//b", "a\nb", "a\\b")) {
      assertThatThrownBy(() -> provider.getSecret(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              SecretBackendException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
                assertThat(e.provider()).isEqualTo("env");
              })
          .hasMessageContaining("invalid secret name");
    }
  }

  @Test
  void namesAndVersionsThatWouldCollideWithTheSeparatorsReadNothing() {
    assertThatThrownBy(() -> provider.getSecret("api--key"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("canonical names");
    assertThatThrownBy(() -> provider.getSecret("api-", "v1"))
        .isInstanceOf(SecretNotFoundException.class);
    assertThatThrownBy(() -> provider.getSecret("api-key", "v..1"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("'v..1' is not one")
        .hasMessageContaining("e.g. 'v2'");
  }

  @Test
  void thePrefixMustBeNonEmptyAndVariableSafe() {
    for (String bad : new String[] {"", "KAILASH-SECRET", "A B", null}) {
      assertThatThrownBy(() -> new EnvironmentSecretProvider(bad, Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Invalid environment prefix")
          .hasMessageContaining("PATH");
    }
  }

  @Test
  void theDefaultConstructorUsesTheStandardPrefix() {
    assertThat(new EnvironmentSecretProvider().toString()).contains("KAILASH_SECRET_");
    assertThat(new EnvironmentSecretProvider().name()).isEqualTo("env");
  }

  @Test
  void batchesLeaveAbsentSecretsOut() {
    Map<SecretRef, String> values =
        provider.getSecretValues(
            List.of(
                SecretRef.current("api-key"),
                new SecretRef("api-key", "v1"),
                SecretRef.current("nope")));

    assertThat(values)
        .containsExactly(
            Map.entry(SecretRef.current("api-key"), "current-key"),
            Map.entry(new SecretRef("api-key", "v1"), "old-key"));
  }
}
