package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretRequirement;
import io.kailash.secrets.internal.NodeSecretRequirements;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import io.kailash.testing.StderrCapture;
import io.kailash.workflow.Node;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's rotation pattern: a node reads the current key and, optionally, the previous one. */
class RotationTest {

  @SecretRequirement(name = "signing-key", parameter = "current_key")
  @SecretRequirement(
      name = "signing-key",
      parameter = "previous_key",
      version = "AWSPREVIOUS",
      optional = true)
  static final class VerifyTokenNode extends Node {
    @Override
    public Map<String, Object> run(Map<String, Object> inputs) {
      return Map.of();
    }
  }

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MapSecretProvider backend =
      new MapSecretProvider("aws").put("signing-key", "key-A");
  private final CachingSecretProvider cache =
      CachingSecretProvider.builder(backend)
          .ttl(Duration.ofMinutes(5))
          .negativeTtl(Duration.ofSeconds(30))
          .refreshAhead(0)
          .jitter(0)
          .timeSource(clock)
          .build();

  @Test
  void afterRotationTheNextRefreshDeliversTheNewCurrentAndThePreviousStaysReadable() {
    Map<String, String> before = resolve();
    assertThat(before).containsOnly(Map.entry("current_key", "key-A"));

    rotate("key-A", "key-B");
    assertThat(resolve()).as("cached until the TTL ends").containsOnlyKeys("current_key");

    clock.advance(Duration.ofMinutes(5));
    try (StderrCapture logs = new StderrCapture()) {
      assertThat(resolve())
          .containsOnly(Map.entry("current_key", "key-B"), Map.entry("previous_key", "key-A"));
      assertThat(logs.text()).contains("Secret 'signing-key' rotated");
      assertThat(logs.text()).doesNotContain("key-A").doesNotContain("key-B");
    }
    assertThat(cache.stats().rotations()).isEqualTo(1);

    rotate("key-B", "key-C");
    clock.advance(Duration.ofMinutes(5));
    assertThat(resolve())
        .containsOnly(Map.entry("current_key", "key-C"), Map.entry("previous_key", "key-B"));
    assertThat(cache.stats().rotations()).isEqualTo(3); // current and previous both moved
  }

  private Map<String, String> resolve() {
    return cache.getSecrets(NodeSecretRequirements.of(VerifyTokenNode.class));
  }

  private void rotate(String from, String to) {
    backend.put("signing-key", to);
    backend.put("signing-key", "AWSPREVIOUS", from);
  }
}
