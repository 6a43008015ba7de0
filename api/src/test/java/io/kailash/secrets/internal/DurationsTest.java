package io.kailash.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "250ms, PT0.25S",
    "30s, PT30S",
    "30, PT30S",
    "5m, PT5M",
    "5min, PT5M",
    "1h, PT1H",
    "2d, PT48H",
    "' 10 s ', PT10S",
    "PT5M, PT5M",
    "pt1h30m, PT1H30M",
    "P1D, PT24H",
    "365d, PT8760H"
  })
  void parsesTheWrittenForms(String text, String expected) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ms",
        "5 weeks",
        "1.5s",
        "-5s",
        "PTX",
        "PT-5S",
        "99999999999999999999s",
        "P",
        "106752d",
        "366d",
        "P366D",
        "8761h",
        "9223372036854775807ms"
      })
  void rejectsAnythingElseWithAnIllegalArgumentNamingTheText(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a duration")
        .hasMessageContaining(text);
  }
}
