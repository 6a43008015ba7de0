package io.kailash.secrets.agent.internal.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckArgumentsTest {

  @TempDir Path dir;

  @Test
  void aClassPathIsSplitAtThePathSeparator() throws Exception {
    String classPath = dir + File.pathSeparator + dir.getParent();

    CheckArguments arguments =
        CheckArguments.parse(List.of("--config", "a.properties", "--classpath", classPath));

    assertThat(arguments.application()).containsExactly(dir, dir.getParent());
    assertThat(arguments.json()).isFalse();
  }

  @Test
  void usageErrorsNameWhatIsWrong() {
    assertThatThrownBy(() -> CheckArguments.parse(List.of())).hasMessage("--config is required");
    assertThatThrownBy(() -> CheckArguments.parse(List.of("--config")))
        .hasMessage("--config needs a value");
    assertThatThrownBy(() -> CheckArguments.parse(List.of("--config", "a", "--verbose")))
        .hasMessage("unknown option '--verbose'");
    assertThatThrownBy(
            () ->
                CheckArguments.parse(
                    List.of("--config", "a", "--jar", dir.toString(), "--classpath", "b")))
        .hasMessage("give one of --classpath and --jar, once");
    assertThatThrownBy(() -> CheckArguments.parse(List.of("--config", "a", "--jar", "nope.jar")))
        .hasMessage("the application path 'nope.jar' does not exist");
  }
}
