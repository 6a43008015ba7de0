package io.kailash.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.testing.MapSecretProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantSecretProviderTest {

  private final MapSecretProvider base =
      new MapSecretProvider("vault")
          .put("acme/db-password", "acme-db")
          .put("acme/db-password", "2", "acme-db-v2")
          .put("acme/api/token", "acme-token")
          .put("globex/db-password", "globex-db")
          .put("db-password", "shared-db");

  private final TenantSecretProvider acme = new TenantSecretProvider(base, "acme");

  @Test
  void readsTheTenantsOwnNames() {
    assertThat(acme.getSecret("db-password")).isEqualTo("acme-db");
    assertThat(acme.getSecret("db-password", "2")).isEqualTo("acme-db-v2");
    assertThat(acme.getSecret("api/token")).isEqualTo("acme-token");
  }

  @Test
  void aSecretOutsideTheTenantIsNotFoundUnderTheTenantsName() {
    TenantSecretProvider initech = new TenantSecretProvider(base, "initech");

    assertThatThrownBy(() -> initech.getSecret("db-password"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.secretName()).isEqualTo("db-password");
              assertThat(e.providersTried()).containsExactly("vault");
              assertThat(e.detail()).startsWith("tenant initech reads it as 'initech/db-password'");
            });
  }

  @Test
  void namesThatCouldEscapeTheTenantAreRejectedBeforeTheBaseIsAsked() {
    for (String escape :
        List.of(
            "../globex/db-password",
            "/globex/db-password",
            "a//b",
            "a/../../x",
            "./x",
            "a\u0000b",
            "")) {
      assertThatThrownBy(() -> acme.getSecret(escape))
          .as(escape)
          .isInstanceOfSatisfying(
              SecretBackendException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
                assertThat(e.provider()).isEqualTo("tenant:acme");
              });
      assertThatThrownBy(() -> acme.getSecretValues(List.of(SecretRef.current(escape))))
          .isInstanceOf(SecretBackendException.class);
    }
    assertThat(base.singleCalls()).isZero();
    assertThat(base.batches()).isEmpty();
  }

  @Test
  void tenantIdsThatCouldEscapeAreRejected() {
    for (String bad :
        new String[] {"..", ".", "", "a/b", "/acme", "acme/", "ac\nme", "a#b", null}) {
      assertThatThrownBy(() -> new TenantSecretProvider(base, bad))
          .as(String.valueOf(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Invalid tenant id");
    }
  }

  @Test
  void listsOnlyTheTenantsNamesWithoutThePrefix() {
    assertThat(acme.listSecrets()).containsExactly("api/token", "db-password");
  }

  @Test
  void batchesMapNamesBothWaysAndReportTheServingProviderUnderTheTenantsName() {
    SecretRef db = SecretRef.current("db-password");
    SecretRef missing = SecretRef.current("missing");
    ChainSecretProvider chain = new ChainSecretProvider(List.of(base));
    TenantSecretProvider overChain = new TenantSecretProvider(chain, "acme");

    try (ResolutionTrace trace = ResolutionTrace.open()) {
      Map<SecretRef, String> values = overChain.getSecretValues(List.of(db, missing));

      assertThat(values).containsExactly(Map.entry(db, "acme-db"));
      assertThat(trace.providerOf(db)).isEqualTo("vault");
    }
    assertThat(base.batches())
        .containsExactly(
            List.of(SecretRef.current("acme/db-password"), SecretRef.current("acme/missing")));
  }

  @Test
  void namesItselfAfterTheTenantAndListsTheBaseProviders() {
    assertThat(acme.name()).isEqualTo("tenant:acme");
    assertThat(acme.providerNames()).containsExactly("vault");
    assertThat(acme.tenantId()).isEqualTo("acme");
  }
}
