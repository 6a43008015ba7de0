package io.kailash.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KvPathsTest {

  @Test
  void encodesEachSegmentSoNoCharacterChangesTheUrl() {
    assertThat(KvPaths.encode("a b/c?d/e%f/g+h/ü")).isEqualTo("a%20b/c%3Fd/e%25f/g%2Bh/%C3%BC");
    assertThat(KvPaths.encode("team/")).isEqualTo("team/");
    assertThat(KvPaths.encode("")).isEmpty();
  }

  @Test
  void mountsLoseSurroundingSlashesAndRejectTraversal() {
    assertThat(KvPaths.normalizeMount(" /team/kv/ ", "mount")).isEqualTo("team/kv");
    for (String bad : new String[] {"", "/", "a/../b", "a//b", "..", "kv#x"}) {
      assertThatThrownBy(() -> KvPaths.normalizeMount(bad, "Vault mount path"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Invalid Vault mount path");
    }
  }
}
