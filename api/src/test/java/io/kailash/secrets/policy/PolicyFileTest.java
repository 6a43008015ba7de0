package io.kailash.secrets.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.config.SecretsConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyFileTest {

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path file = dir.resolve("app.policy");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void commentsBlankLinesCrLfAndAByteOrderMarkAreAccepted() throws IOException {
    Path file =
        write(
            "\uFEFF# secret-name glob : node class globs\r\n"
                + "\r\n"
                + "   # indented comment\n"
                + "jwt-signing-key : com.acme.auth.TokenGeneratorNode, com.acme.auth.Verifier\r\n"
                + "payments/** : com.acme.payments.**\n");

    SecretPolicy policy = PolicyFile.read(file, PolicyDefault.DENY);

    assertThat(policy.isEnforced()).isTrue();
    assertThat(policy).hasToString("secret policy " + file + " (2 rules, default deny)");
    assertThat(policy.isOpen("jwt-signing-key")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          jwt-signing-key com.acme.Node        | no ':'
          a : b : com.acme.Node                | more than one ':'
          jwt-signing-key :                    | no node class after ':'
          payments/db#password : com.acme.Node | '#' may only start a comment line
          payments/a**b : com.acme.Node        | '**' must be a whole segment
          payments//db : com.acme.Node         | empty segment
          /payments : com.acme.Node            | empty segment
          payments/../db : com.acme.Node       | a '..' segment
          payments/db : com.acme.Node,         | an empty glob
          payments/db : com.acme..Node         | empty segment
          payments/db : com.acme.My-Node       | holds '-', which cannot occur in a binary class name
          payments/db : com.acme.**Node        | '**' must be a whole segment
          pay ments : com.acme.Node            | holds ' ', which cannot occur in a secret name
          """)
  void aMalformedLineIsAConfigurationErrorNamingTheLine(String line, String problem)
      throws IOException {
    Path file = write("# first line\n\nok : com.acme.Fine\n" + line + "\nlater : com.acme.Fine\n");

    assertThatThrownBy(() -> PolicyFile.read(file, PolicyDefault.ALLOW))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageStartingWith("Policy file " + file + ", line 4: ")
        .hasMessageContaining(problem);
  }

  @Test
  void invalidUtf8IsAnErrorNamingTheLine() throws IOException {
    Path file = dir.resolve("latin1.policy");
    byte[] prefix = "ok : com.acme.Fine\n# caf".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[prefix.length + 2];
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    bytes[prefix.length] = (byte) 0xE9; // 'é' in ISO-8859-1, invalid on its own in UTF-8
    bytes[prefix.length + 1] = '\n';
    Files.write(file, bytes);

    assertThatThrownBy(() -> PolicyFile.read(file, PolicyDefault.ALLOW))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage(
            "Policy file " + file + ", line 2: it is not valid UTF-8; save the file as UTF-8.");
  }

  @Test
  void aMissingFileIsAConfigurationErrorNamingIt() {
    Path file = dir.resolve("absent.policy");

    assertThatThrownBy(() -> PolicyFile.read(file, PolicyDefault.ALLOW))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessage("The policy file " + file + " does not exist; create it or correct the path.");
  }

  @Test
  void controlCharactersAreEscapedInTheMessage() throws IOException {
    Path file = write("payments\u0007db com.acme.Node\n");

    assertThatThrownBy(() -> PolicyFile.read(file, PolicyDefault.ALLOW))
        .hasMessageContaining("payments\\u0007db")
        .hasMessageNotContaining("\u0007");
  }
}
