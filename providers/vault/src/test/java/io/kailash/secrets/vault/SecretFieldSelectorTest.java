package io.kailash.secrets.vault;

import static io.kailash.secrets.vault.BackendFailures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretRef;
import org.junit.jupiter.api.Test;

class SecretFieldSelectorTest {

  private static final SecretRef REF = SecretRef.current("db/creds");

  private static JsonNode json(String text) throws Exception {
    return VaultHttp.JSON.readTree(text);
  }

  private static String select(String data, String field) throws Exception {
    return SecretFieldSelector.select(json(data), field, REF, "vault");
  }

  @Test
  void picksTheNamedTheOnlyOrTheValueField() throws Exception {
    assertThat(select("{\"a\":\"1\",\"b\":\"2\"}", "b")).isEqualTo("2");
    assertThat(select("{\"only\":\"x\"}", null)).isEqualTo("x");
    assertThat(select("{\"value\":\"v\",\"note\":\"n\"}", null)).isEqualTo("v");
  }

  @Test
  void rendersNonStringsAsJson() throws Exception {
    assertThat(select("{\"n\":1.5}", null)).isEqualTo("1.5");
    assertThat(select("{\"b\":false}", null)).isEqualTo("false");
    assertThat(select("{\"l\":[1,\"x\"]}", null)).isEqualTo("[1,\"x\"]");
  }

  @Test
  void aNullOrMissingFieldIsNotFound() {
    assertThatThrownBy(() -> select("{\"a\":null,\"b\":\"secret-b\"}", "a"))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("has a null field 'a'; its fields: [a, b]")
        .hasMessageNotContaining("secret-b");
    assertThatThrownBy(() -> select("{}", null))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("the secret has no fields");
  }

  @Test
  void anAmbiguousSecretListsSortedFieldNamesOnly() {
    assertFailsWith(
            Reason.INVALID_REQUEST, () -> select("{\"z\":\"secret-z\",\"a\":\"secret-a\"}", null))
        .hasMessageContaining("[a, z]")
        .hasMessageContaining("'db/creds#a'")
        .hasMessageNotContaining("secret-z")
        .hasMessageNotContaining("secret-a");
  }
}
