package io.kailash.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default methods of {@link SecretProvider}, on a provider that implements only the minimum.
 */
class SecretProviderDefaultsTest {

  private final List<String> reads = new ArrayList<>();

  private final SecretProvider minimal =
      new SecretProvider() {
        private final Map<String, String> values = Map.of("a", "1", "b", "2", "broken", "");

        @Override
        public String name() {
          return "minimal";
        }

        @Override
        public String getSecret(String name, String version) {
          reads.add(name);
          if (name.equals("broken")) {
            throw new SecretBackendException(
                name(), name, SecretBackendException.Reason.TIMEOUT, "slow");
          }
          String value = values.get(name);
          if (value == null) {
            throw new SecretNotFoundException(new SecretRef(name, version), name(), "");
          }
          return value;
        }

        @Override
        public List<String> listSecrets() {
          return List.of("a", "b");
        }
      };

  @Test
  void getSecretWithoutVersionReadsTheCurrentOne() {
    assertThat(minimal.getSecret("a")).isEqualTo("1");
    assertThat(minimal.providerNames()).containsExactly("minimal");
  }

  @Test
  void getSecretValuesReadsEachDistinctRefOnceAndLeavesAbsentOnesOut() {
    Map<SecretRef, String> values =
        minimal.getSecretValues(
            List.of(SecretRef.current("a"), SecretRef.current("x"), SecretRef.current("a")));

    assertThat(values).containsExactly(Map.entry(SecretRef.current("a"), "1"));
    assertThat(reads).containsExactly("a", "x");
  }

  @Test
  void getSecretsMapsRequirementsToParametersSkippingAbsentOptionalOnes() {
    Map<String, String> parameters =
        minimal.getSecrets(
            List.of(
                SecretRequest.required("a", "first"),
                SecretRequest.optional("x", "maybe"),
                SecretRequest.required("b", "second")));

    assertThat(parameters).containsExactly(Map.entry("first", "1"), Map.entry("second", "2"));
  }

  @Test
  void getSecretsNamesEveryMissingRequiredSecretAtOnce() {
    assertThatThrownBy(
            () ->
                minimal.getSecrets(
                    List.of(
                        SecretRequest.required("x", "p1"),
                        SecretRequest.required("a", "p2"),
                        SecretRequest.required("y", "p3"))))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.missing())
                  .containsExactly(SecretRef.current("x"), SecretRef.current("y"));
              assertThat(e.providersTried()).containsExactly("minimal");
            });
  }

  @Test
  void aBrokenBackendFailsEvenAnOptionalSecret() {
    assertThatThrownBy(() -> minimal.getSecrets(List.of(SecretRequest.optional("broken", "p"))))
        .isInstanceOf(SecretBackendException.class);
  }

  @Test
  void twoRequirementsForOneParameterAreRejected() {
    assertThatThrownBy(
            () ->
                minimal.getSecrets(
                    List.of(SecretRequest.required("a", "p"), SecretRequest.required("b", "p"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'p'");
  }
}
