package io.kailash.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

  @Test
  void controlFormatAndLineSeparatorCharactersBecomeOneSpace() {
    assertThat(UntrustedText.quote("a\nb\r\n\tc\u0000d\u202ee\u2028f\u200bg  h"))
        .isEqualTo("a b c d e f g h");
    assertThat(UntrustedText.quote("\n lead and trail \n")).isEqualTo("lead and trail");
    assertThat(UntrustedText.quote(null)).isEmpty();
  }

  @Test
  void longTextIsCutAtTheLimitAndMarked() {
    String quoted = UntrustedText.quote("z".repeat(1000));

    assertThat(quoted).hasSize(UntrustedText.MAX_LENGTH + 3).endsWith("...");
    assertThat(UntrustedText.quote("z".repeat(UntrustedText.MAX_LENGTH)))
        .hasSize(UntrustedText.MAX_LENGTH);
  }

  @Test
  void credentialsWithLineBreaksOrControlCharactersAreRefusedWithoutTheValue() {
    assertThatThrownBy(
            () -> Credentials.requireClean("hvs.ABC123\n# rotated by ops", "Vault token"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Vault token is not usable: it has a line break after character 10 (a credential file"
                + " must hold the credential alone, without comments or further lines). Its value"
                + " is not shown.");
    assertThatThrownBy(() -> Credentials.requireClean("key\u0007x", "AWS key"))
        .hasMessageContaining("control character at position 3")
        .hasMessageNotContaining("key\u0007x");
    assertThat(Credentials.requireClean("  hvs.fine \n", "Vault token")).isEqualTo("hvs.fine");
  }
}
