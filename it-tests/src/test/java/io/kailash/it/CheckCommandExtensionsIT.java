package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.check.CheckNodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar kailash-secrets.jar check} loads the jars of {@code extensions} like the agent:
 * an extension's provider is checked like a built-in one, and a broken extension is a problem of
 * the report that names its jar, while the sound ones are still checked.
 */
class CheckCommandExtensionsIT {

  private static final String API_TOKEN = "tok-ch3ck-3xt-secret";

  private static Path secretsFile() throws Exception {
    Path file = Files.createTempFile(ForkedJvm.workDir(), "in-house-check-", ".properties");
    Files.writeString(file, "app/api-token = " + API_TOKEN + "\n", StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void anExtensionsProviderIsCheckedLikeABuiltInOne() throws Exception {
    Path config =
        CheckRun.config(
            "extensions = " + ExtensionJars.example(),
            "providers = in-house, env",
            "in-house.file = " + secretsFile());

    JvmRun run =
        new CheckRun()
            .check(
                "--config",
                config.toString(),
                "--jar",
                CheckRun.jar("", Map.of(), CheckNodes.ApiNode.class).toString());

    assertThat(run.exitCode()).as("stdout %s; stderr %s", run.stdout(), run.stderr()).isZero();
    assertThat(run.stdout())
        .contains(
            "Configuration: valid",
            "  in-house: ok (reachable, authenticated, allowed to read)",
            "    ok   app/api-token -> parameter api_token, required, policy allows, resolves from"
                + " in-house",
            "Result: OK");
    run.assertNoSecrets(API_TOKEN);
  }

  @Test
  void aBrokenExtensionIsAProblemNamingItsJarAndTheSoundOnesAreStillChecked() throws Exception {
    Path broken = ExtensionJars.listing("missing-class.jar", "com.example.NoSuchFactory");
    Path missing = ForkedJvm.workDir().resolve("no-such-extension.jar");
    Path config =
        CheckRun.config(
            "extensions = " + broken + ", " + missing + ", " + ExtensionJars.example(),
            "providers = in-house",
            "in-house.file = " + secretsFile(),
            "in-house.flie = typo");

    JvmRun run = new CheckRun().check("--config", config.toString());

    assertThat(run.exitCode()).as("stderr %s", run.stderr()).isOne();
    List<String> errors =
        run.stdout().stream().filter(line -> line.startsWith("  ERROR ")).toList();
    assertThat(errors).hasSize(3);
    assertThat(errors.get(0)).contains(missing.toString()).contains("does not exist");
    assertThat(errors.get(1)).contains(broken.toString()).contains("com.example.NoSuchFactory");
    assertThat(errors.get(2)).contains("'in-house.flie'").contains("Did you mean 'in-house.file'?");
    assertThat(run.stdout()).contains("  in-house: ok (reachable, authenticated, allowed to read)");
    run.assertNoSecrets(API_TOKEN);
  }
}
