package io.kailash.secrets.injection;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterShapeTest {

  @Test
  void acceptsFlatAndNestedParametersAndSharedSubMaps() {
    Map<String, Object> shared = Map.of("x", "1");
    assertThatCode(() -> ParameterShape.check(Map.of("a", 1, "b", "s"))).doesNotThrowAnyException();
    assertThatCode(
            () ->
                ParameterShape.check(
                    Map.of("h", Map.of("a", shared, "b", shared), "l", List.of(shared))))
        .doesNotThrowAnyException();
    assertThatCode(() -> ParameterShape.check(null)).doesNotThrowAnyException();
  }

  @Test
  void refusesAMapThatContainsItself() {
    Map<String, Object> self = new HashMap<>();
    self.put("self", self);
    assertThatThrownBy(() -> ParameterShape.check(Map.of("p", self)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contains itself");
  }

  @Test
  void refusesAListThatContainsItselfAndDeepNesting() {
    List<Object> self = new ArrayList<>();
    self.add(self);
    assertThatThrownBy(() -> ParameterShape.check(Map.of("p", self)))
        .isInstanceOf(IllegalArgumentException.class);
    Map<String, Object> deep = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      deep = new HashMap<>(Map.of("inner", deep));
    }
    Map<String, Object> finalDeep = deep;
    assertThatThrownBy(() -> ParameterShape.check(finalDeep))
        .hasMessageContaining("deeper than " + ParameterShape.MAX_DEPTH);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void refusesNonStringKeysNamingTheirType() {
    Map raw = new HashMap();
    raw.put(42, "v");
    assertThatThrownBy(() -> ParameterShape.check(Map.of("p", raw)))
        .hasMessageContaining("java.lang.Integer")
        .hasMessageNotContaining("v\"");
    assertThatThrownBy(() -> ParameterShape.check(raw)).hasMessageContaining("java.lang.Integer");
  }
}
