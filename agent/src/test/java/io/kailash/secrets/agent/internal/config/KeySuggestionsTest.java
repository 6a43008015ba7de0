package io.kailash.secrets.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionsTest {

  private static final List<String> KEYS =
      List.of("providers", "enabled", "log.level", "vault.url");

  @Test
  void suggestsCloseKeysOnly() {
    assertThat(KeySuggestions.didYouMean("provders", KEYS)).isEqualTo(" Did you mean 'providers'?");
    assertThat(KeySuggestions.didYouMean("log.levle", KEYS))
        .isEqualTo(" Did you mean 'log.level'?");
    assertThat(KeySuggestions.didYouMean("completely-else", KEYS)).isEmpty();
  }

  @Test
  void transpositionCountsAsOneEdit() {
    assertThat(KeySuggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(KeySuggestions.distance("vault", "vualt")).isEqualTo(1);
  }
}
