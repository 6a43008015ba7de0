package io.kailash.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A builder's keys written once: the key set and the settings it applies come from one list. */
class KeyBindingsTest {

  /** A stand-in builder that records what it was given, in order. */
  static final class Recorder {
    final List<String> calls = new ArrayList<>();

    void ttl(Duration ttl) {
      calls.add("ttl=" + ttl);
    }

    void size(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("size must be at least 1, was " + size);
      }
      calls.add("size=" + size);
    }

    void ratio(double ratio) {
      calls.add("ratio=" + ratio);
    }
  }

  private static final KeyBindings<Recorder> BINDINGS =
      new KeyBindings<Recorder>()
          .duration("ttl", Recorder::ttl)
          .integer("size", Recorder::size)
          .fraction("ratio", Recorder::ratio);

  @Test
  void appliesThePresentKeysInTheirOrderAndLeavesAbsentOnesAlone() {
    Recorder recorder = new Recorder();
    BINDINGS.apply(ProviderSettings.of("x", Map.of("ratio", "80%", "ttl", "5m")), recorder);

    assertThat(recorder.calls).containsExactly("ttl=PT5M", "ratio=0.8");
  }

  @Test
  void aRejectedValueNamesTheFullKey() {
    ProviderSettings settings = ProviderSettings.of("x", Map.of("size", "0"));

    assertThatThrownBy(() -> BINDINGS.apply(settings, new Recorder()))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage("Invalid value for key 'x.size': size must be at least 1, was 0");
  }

  @Test
  void theKeysAreTheBoundOnesAndThoseOthersRead() {
    assertThat(BINDINGS.keys("enabled"))
        .containsExactlyInAnyOrder("ttl", "size", "ratio", "enabled");
    assertThatThrownBy(
            () ->
                new KeyBindings<Recorder>()
                    .duration("a", Recorder::ttl)
                    .duration("a", Recorder::ttl))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a");
  }
}
