package io.kailash.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text form of configured requirements, and what it refuses with which message. */
class RequirementSyntaxTest {

  @Test
  void expressesEverythingTheAnnotationCan() {
    assertThat(
            RequirementSyntax.parse(
                " jwt-signing-key -> secret_key, api-token -> api_token (optional),"
                    + "db/creds#password@v2->password , old@AWSPREVIOUS -> previous ( optional ) "))
        .containsExactly(
            SecretRequest.required("jwt-signing-key", "secret_key"),
            SecretRequest.optional("api-token", "api_token"),
            new SecretRequest("db/creds#password", "password", false, "v2"),
            new SecretRequest("old", "previous", true, "AWSPREVIOUS"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                 | it declares no requirement",
        "'a -> x,'                           | it has an empty entry",
        "'a x'                               | it needs exactly one '->'",
        "'a -> b -> c'                       | it needs exactly one '->'",
        "'a -> x (required)'                 | '(required)' is not an option",
        "'a -> 1x'                           | '1x' is not a parameter name",
        "'a ->'                              | the parameter is missing after '->'",
        "'a@ -> x'                           | '' is not a version",
        "'a@v 2 -> x'                        | 'v 2' is not a version",
        "'../etc/passwd -> x'                | the secret name '../etc/passwd' is invalid",
        "'my secret -> x'                    | the secret name 'my secret' is invalid",
        "' -> x'                             | the secret name '' is invalid",
      })
  void refusesWhatItCannotReadSayingWhatIsWrongAndTheForm(String text, String problem) {
    assertThatThrownBy(() -> RequirementSyntax.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem)
        .hasMessageContaining("<secret>[@<version>] -> <parameter> [(optional)]");
  }

  @Test
  void aParameterDeclaredTwiceIsNamed() {
    assertThatThrownBy(() -> RequirementSyntax.parse("a -> x, b -> x"))
        .hasMessage(
            "the parameter 'x' is declared twice; each parameter is filled by one secret only");
  }

  @ParameterizedTest
  @CsvSource({"com.acme.Node", "Node", "com.acme.Outer$Inner", "a.b_c.$D1"})
  void acceptsBinaryClassNames(String name) {
    assertThat(RequirementSyntax.problemWithClassName(name)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "com.acme.",
    ".Node",
    "com..Node",
    "com.acme.1Node",
    "com/acme/Node",
    "com.acme.Node[]"
  })
  void refusesWhatIsNoBinaryClassName(String name) {
    assertThat(RequirementSyntax.problemWithClassName(name)).contains("not a binary class name");
  }

  @Test
  void configuredRequirementsNameWhereTheBadDeclarationWasWritten() {
    Map<String, String> declarations = new LinkedHashMap<>();
    declarations.put("com.acme.Good", "a -> x");
    declarations.put("com.acme.Bad", "a -> x (sometimes)");

    assertThatThrownBy(
            () -> ConfiguredRequirements.parse(declarations, name -> "'req." + name + "'"))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageStartingWith(
            "Invalid secret requirements in 'req.com.acme.Bad': the entry 'a -> x")
        .hasMessageContaining("'(sometimes)' is not an option");
    assertThatThrownBy(
            () ->
                ConfiguredRequirements.parse(
                    Map.of("com.acme.", "a -> x"), name -> "'" + name + "'"))
        .hasMessageContaining("is not a binary class name");
  }

  @Test
  void valuesAreCheckedLikeText() {
    assertThatThrownBy(
            () ->
                ConfiguredRequirements.of(
                    Map.of(
                        "com.acme.Node",
                        List.of(
                            SecretRequest.required("a", "x"), SecretRequest.required("b", "x"))),
                    name -> name))
        .hasMessageContaining("the parameter 'x' is declared twice");
    assertThatThrownBy(
            () ->
                ConfiguredRequirements.of(
                    Map.of("com.acme.Node", List.of(SecretRequest.required("a//b", "x"))),
                    name -> name))
        .hasMessageContaining("the secret name 'a//b' is invalid");
    assertThatThrownBy(() -> ConfiguredRequirements.of(Map.of("com.acme.Node", List.of()), n -> n))
        .hasMessageContaining("it declares no requirement");
  }
}
