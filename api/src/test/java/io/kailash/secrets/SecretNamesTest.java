package io.kailash.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"api-token", "payments/api-token", "db/creds#password", "a.b_c", "v1/x.y"})
  void acceptsSegmentedNamesWithAnOptionalField(String name) {
    assertThat(SecretNames.problemWith(name)).isNull();
    assertThat(SecretNames.requireValid(name, "env")).isSameAs(name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/etc/passwd | it starts with '/' (absolute paths are not allowed)",
        "a/ | it ends with '/'",
        "a//b | it has an empty segment ('//')",
        "../x | it has a '..' segment (path traversal is not allowed)",
        "a/./b | it has a '.' segment (path traversal is not allowed)",
        "a\\b | it contains a backslash",
        "db# | '#' must be followed by exactly one field name",
        "db#a#b | '#' must be followed by exactly one field name",
        "#field | the path before '#' is empty"
      })
  void namesEachProblem(String name, String problem) {
    assertThat(SecretNames.problemWith(name)).isEqualTo(problem);
  }

  @Test
  void emptyNullAndControlCharactersAreRejected() {
    assertThat(SecretNames.problemWith("")).isEqualTo("it is empty");
    assertThat(SecretNames.problemWith(null)).isEqualTo("it is empty");
    assertThat(SecretNames.problemWith("a\tb"))
        .isEqualTo("it contains a control character at index 1");
  }

  @Test
  void theErrorIsAnInvalidRequestNamingProviderNameAndTheAcceptedForm() {
    assertThatThrownBy(() -> SecretNames.requireValid("a\nb/../c", "vault"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SecretBackendException.Reason.INVALID_REQUEST);
              assertThat(e.provider()).isEqualTo("vault");
              assertThat(e.secretName()).isEqualTo("a\\u000ab/../c");
            })
        .hasMessage(
            "Provider vault failed reading secret 'a\\u000ab/../c' [INVALID_REQUEST]: invalid"
                + " secret name: it contains a control character at index 1. Use '/'-separated"
                + " segments of letters, digits, '-', '_' or '.', e.g. 'payments/api-token' or"
                + " 'db/creds#password'.");
  }

  @Test
  void printableEscapesControlCharacters() {
    assertThat(SecretNames.printable("a\u0000b\u007f")).isEqualTo("a\\u0000b\\u007f");
    assertThat(SecretNames.printable(null)).isEqualTo("null");
  }
}
