package io.kailash.secrets.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InjectedParametersTest {

  static class BaseNode {}

  static class SubNode extends BaseNode {}

  private final Map<String, Object> caller = new LinkedHashMap<>(Map.of("subject", "alice"));

  private InjectedParameters view() {
    Map<String, Object> injected = new LinkedHashMap<>();
    injected.put("secret_key", "s3cr3t");
    injected.put("header", "Bearer s3cr3t");
    return new InjectedParameters(caller, injected, SubNode.class);
  }

  @Test
  void overlaysInjectedValuesOnTheCallersParameters() {
    caller.put("secret_key", "hard-coded");
    InjectedParameters view = view();

    assertThat(view.get("secret_key")).isEqualTo("s3cr3t");
    assertThat(view.get("subject")).isEqualTo("alice");
    assertThat(view).containsOnlyKeys("subject", "secret_key", "header").hasSize(3);
    assertThat(view.containsKey("header")).isTrue();
    assertThat(view.containsKey("nope")).isFalse();
    assertThat(view.injectedNames()).containsExactly("secret_key", "header");
    assertThat(view)
        .isEqualTo(Map.of("subject", "alice", "secret_key", "s3cr3t", "header", "Bearer s3cr3t"));
  }

  @Test
  void toStringMasksEveryInjectedValue() {
    assertThat(view().toString()).isEqualTo("{subject=alice, secret_key=****, header=****}");
  }

  @Test
  void writesCopyAndNeverReachTheCallersMap() {
    InjectedParameters view = view();

    view.put("subject", "bob");
    view.put("extra", 1);
    view.remove("header");

    assertThat(caller).isEqualTo(Map.of("subject", "alice"));
    assertThat(view)
        .containsEntry("subject", "bob")
        .containsEntry("extra", 1)
        .doesNotContainKey("header");
    assertThat(view.toString()).contains("secret_key=****").doesNotContain("s3cr3t");
    assertThat(new ArrayList<>(view.keySet())).containsExactly("subject", "secret_key", "extra");
    view.clear();
    assertThat(view).isEmpty();
    assertThat(caller).hasSize(1);
  }

  @Test
  void iteratingDoesNotAllowRemovalThroughTheIterator() {
    InjectedParameters view = view();
    var iterator = view.entrySet().iterator();
    iterator.next();

    assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void isResolvedForExactlyTheClassItWasResolvedFor() {
    InjectedParameters view = view();

    assertThat(view.isResolvedFor(SubNode.class)).isTrue();
    assertThat(view.isResolvedFor(BaseNode.class)).isFalse();
    assertThat(view.isResolvedFor(String.class)).isFalse();
  }

  @Test
  void parameterInjectorReportsOverriddenParametersAndUndeclaredPlaceholders() {
    Map<String, Object> parameters =
        new HashMap<>(Map.of("secret_key", "old", "url", SecretTemplate.of("{x}/{secret_key}")));
    List<String> overridden = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();

    InjectedParameters result =
        ParameterInjector.inject(
            SubNode.class,
            parameters,
            Map.of("secret_key", "new"),
            overridden::add,
            undeclared::add);

    assertThat(result).containsEntry("secret_key", "new").containsEntry("url", "{x}/new");
    assertThat(result.injectedNames()).containsExactlyInAnyOrder("secret_key", "url");
    assertThat(overridden).containsExactly("secret_key");
    assertThat(undeclared).containsExactly("x");
    assertThat(parameters)
        .containsEntry("secret_key", "old")
        .containsEntry("url", SecretTemplate.of("{x}/{secret_key}"));
  }

  /**
   * A caller's map that answers {@code get}, {@code containsKey} and {@code isEmpty} but fails on
   * anything that walks it: injecting into a direct call must not walk the caller's parameters.
   */
  private static final class UnwalkableMap extends java.util.AbstractMap<String, Object> {
    private final Map<String, Object> values;

    UnwalkableMap(Map<String, Object> values) {
      this.values = values;
    }

    @Override
    public Object get(Object key) {
      return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return values.containsKey(key);
    }

    @Override
    public boolean isEmpty() {
      return values.isEmpty();
    }

    @Override
    public java.util.Set<Entry<String, Object>> entrySet() {
      throw new AssertionError("the caller's parameters were walked");
    }
  }

  @Test
  void injectingIntoADirectCallReadsOnlyTheSecretNamesOfTheCallersMap() {
    Map<String, Object> many = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      many.put("setting_" + i, "value-" + i);
    }
    many.put("secret_key", "hard-coded");
    List<String> overridden = new ArrayList<>();

    InjectedParameters result =
        ParameterInjector.inject(
            SubNode.class,
            new UnwalkableMap(many),
            Map.of("secret_key", "s3cr3t"),
            overridden::add,
            name -> {});

    assertThat(result.get("secret_key")).isEqualTo("s3cr3t");
    assertThat(result.get("setting_7")).isEqualTo("value-7");
    assertThat(result.containsKey("setting_19")).isTrue();
    assertThat(overridden).containsExactly("secret_key");
    assertThat(result.isResolvedFor(SubNode.class)).isTrue();
  }

  @Test
  void aSecretTemplateOfADirectCallIsFilledWhenReadAndMasked() {
    SecretTemplate header = SecretTemplate.of("Bearer {secret_key} {nope}");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("plain", "Bearer {secret_key}");
    parameters.put("header", header);
    parameters.put("nested", List.of(Map.of("h", SecretTemplate.of("{secret_key}"))));
    parameters.put("untouched", List.of("x"));
    List<String> undeclared = new ArrayList<>();

    InjectedParameters result =
        ParameterInjector.inject(
            SubNode.class, parameters, Map.of("secret_key", "s3cr3t"), p -> {}, undeclared::add);

    assertThat(undeclared).isEmpty(); // nothing was read yet
    Object filled = result.get("header");
    assertThat(filled).isEqualTo("Bearer s3cr3t {nope}");
    assertThat(result.get("header")).isSameAs(filled);
    assertThat(undeclared).containsExactly("nope");
    assertThat(result.get("nested")).isEqualTo(List.of(Map.of("h", "s3cr3t")));
    assertThat(result.get("untouched")).isSameAs(parameters.get("untouched"));
    assertThat(result.get("plain")).isEqualTo("Bearer {secret_key}"); // data, not a template
    assertThat(result.injectedNames()).containsExactlyInAnyOrder("secret_key", "header", "nested");
    assertThat(result.toString())
        .isEqualTo(
            "{plain=Bearer {secret_key}, header=****, nested=****, untouched=[x], secret_key=****}");
    assertThat(parameters.get("header")).isSameAs(header);
  }

  @Test
  void aFreshViewFindsEveryTemplateWhenAskedForItsInjectedNamesOrWritten() {
    Map<String, Object> parameters =
        new LinkedHashMap<>(Map.of("auth", SecretTemplate.of("{secret_key}"), "n", 1));

    InjectedParameters names =
        ParameterInjector.inject(
            SubNode.class, parameters, Map.of("secret_key", "v"), p -> {}, n -> {});
    InjectedParameters written =
        ParameterInjector.inject(
            SubNode.class, parameters, Map.of("secret_key", "v"), p -> {}, n -> {});
    written.put("n", 2);

    assertThat(names.injectedNames()).containsExactlyInAnyOrder("secret_key", "auth");
    assertThat(written).containsEntry("auth", "v").containsEntry("n", 2);
    assertThat(written.withoutInjected()).isEqualTo(Map.of("n", 2));
  }
}
