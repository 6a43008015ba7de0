package io.kailash.secrets.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholderFillerTest {

  private static final Map<String, String> SECRETS = Map.of("api_token", "T", "user.name", "U");

  private final List<String> undeclared = new ArrayList<>();

  private final InjectionListener listener =
      new InjectionListener() {
        @Override
        public void overriddenParameter(Class<?> nodeClass, String parameter) {}

        @Override
        public void undeclaredPlaceholder(Class<?> nodeClass, String name) {
          undeclared.add(name);
        }
      };

  /** Fills {@code parameters} as the author's own addNode parameters. */
  private Map<String, Object> fill(Map<String, ?> parameters) {
    return PlaceholderFiller.fill(authors(parameters), SECRETS, Object.class, listener);
  }

  @SuppressWarnings("unchecked")
  private static NodeInputs authors(Map<String, ?> parameters) {
    return new NodeInputs((Map<String, Object>) parameters, parameters.keySet(), value -> {});
  }

  @Test
  void plainStringsOutsideTheAuthorsParametersStayLiteral() {
    Map<String, Object> upstream =
        Map.of("text", "Hi! my token is {api_token}", "n", List.of("{api_token}"));
    NodeInputs inputs = new NodeInputs(upstream, java.util.Set.of(), value -> {});

    assertThat(PlaceholderFiller.fill(upstream, SECRETS, Object.class, listener)).isEmpty();
    assertThat(PlaceholderFiller.fill(inputs, SECRETS, Object.class, listener)).isEmpty();
    assertThat(undeclared).isEmpty();
  }

  @Test
  void aSecretTemplateIsFilledAnywhereAndBecomesAString() {
    Map<String, Object> direct =
        Map.of(
            "auth", io.kailash.secrets.SecretTemplate.of("Bearer {api_token}"),
            "nested", List.of(Map.of("h", io.kailash.secrets.SecretTemplate.of("{user.name}"))),
            "literal", "Bearer {api_token}");

    Map<String, Object> changed = PlaceholderFiller.fill(direct, SECRETS, Object.class, listener);

    assertThat(changed)
        .containsEntry("auth", "Bearer T")
        .containsEntry("nested", List.of(Map.of("h", "U")))
        .doesNotContainKey("literal");
  }

  @Test
  void fillsPlaceholdersInStringsAndReturnsOnlyTheChangedParameters() {
    Map<String, Object> changed =
        fill(
            Map.of(
                "auth",
                "Bearer {api_token}",
                "both",
                "{user.name}:{api_token}",
                "n",
                3,
                "plain",
                "x"));

    assertThat(changed).isEqualTo(Map.of("auth", "Bearer T", "both", "U:T"));
    assertThat(undeclared).isEmpty();
  }

  @Test
  void fillsNestedMapsAndListsCopyingOnlyWhatChanged() {
    Map<String, Object> inner = new LinkedHashMap<>(Map.of("h", "{api_token}"));
    List<Object> list = new ArrayList<>(List.of("keep", List.of("{api_token}"), inner));
    List<Object> untouched = List.of("nothing here");

    Map<String, Object> changed = fill(Map.of("list", list, "untouched", untouched));

    assertThat(changed).containsOnlyKeys("list");
    assertThat(changed.get("list")).isEqualTo(List.of("keep", List.of("T"), Map.of("h", "T")));
    assertThat(list).containsExactly("keep", List.of("{api_token}"), Map.of("h", "{api_token}"));
    assertThat(inner).containsEntry("h", "{api_token}");
  }

  @Test
  void undeclaredPlaceholdersStayAndAreReportedByName() {
    Map<String, Object> changed = fill(Map.of("url", "https://{host}/x?t={api_token}&r={region}"));

    assertThat(changed).containsEntry("url", "https://{host}/x?t=T&r={region}");
    assertThat(undeclared).containsExactlyInAnyOrder("host", "region");
  }

  @Test
  void aSecretParameterItselfIsNotFilledAndBracesThatAreNotPlaceholdersStay() {
    Map<String, Object> changed =
        fill(
            Map.of(
                "api_token", "{api_token}", "json", "{\"a\": 1}", "empty", "{}", "digit", "{1x}"));

    assertThat(changed).isEmpty();
    assertThat(undeclared).isEmpty();
  }

  @Test
  void aSecretValueThatLooksLikeAPlaceholderIsNotExpandedAgain() {
    Map<String, Object> changed =
        PlaceholderFiller.fill(
            authors(Map.of("a", "{one}")),
            Map.of("one", "{two}", "two", "leak"),
            Object.class,
            listener);

    assertThat(changed).containsEntry("a", "{two}");
  }

  @Test
  void reportsPlaceholderNamesAndWhetherAValueMayHoldThem() {
    assertThat(PlaceholderFiller.placeholdersIn("{a} and {b.c} but not {1}"))
        .containsExactly("a", "b.c");
    assertThat(PlaceholderFiller.mayHavePlaceholders("x{y}")).isTrue();
    assertThat(PlaceholderFiller.mayHavePlaceholders("xy")).isFalse();
    assertThat(PlaceholderFiller.mayHavePlaceholders(List.of())).isTrue();
    assertThat(PlaceholderFiller.mayHavePlaceholders(42)).isFalse();
  }
}
