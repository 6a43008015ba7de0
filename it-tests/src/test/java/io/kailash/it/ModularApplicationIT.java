package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application on the module path: its woven node, in a named module, calls the bridge in the
 * agent jar's unnamed module. Named modules do not read unnamed ones, but HotSpot lets a class that
 * a ClassFileLoadHook (our transformer) modified read all unnamed modules, so no read edge is
 * needed; this test keeps it that way.
 */
class ModularApplicationIT {

  private static final String TOKEN = "tok-m0dul4r-it-secret";

  private static final String MODULE_INFO = "module it.modular { requires io.kailash.secrets; }";

  private static final String MAIN =
      """
      package it.modular;

      import io.kailash.secrets.SecretRequirement;
      import io.kailash.workflow.Node;
      import java.util.HashMap;
      import java.util.Map;

      public class Main {
        @SecretRequirement(name = "api-token", parameter = "api_token")
        public static class TokenNode extends Node {
          @Override
          public Map<String, Object> run(Map<String, Object> inputs) {
            Object token = inputs.get("api_token");
            String outcome = token == null ? "absent"
                : token.equals(System.getenv("KAILASH_SECRET_API_TOKEN")) ? "injected" : "wrong";
            return Map.of("token", outcome);
          }
        }

        public static void main(String[] args) {
          System.out.println("token=" + new TokenNode().run(new HashMap<>()).get("token"));
        }
      }
      """;

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void nodeInANamedModuleGetsItsSecret(Jdk jdk) throws Exception {
    jdk.assumePresent();
    Path modules = compileModule();
    Path stats = ForkedJvm.workDir().resolve("modular-stats-" + jdk.feature() + ".txt");
    Files.deleteIfExists(stats);
    List<String> command =
        List.of(
            jdk.java().toString(),
            "-javaagent:" + ForkedJvm.agentJar() + "=internal.stats-file=" + stats,
            "--module-path",
            modules + File.pathSeparator + apiModulePath(),
            // The api is an automatic module: nothing else would resolve its SLF4J dependency.
            "--add-modules",
            "ALL-MODULE-PATH",
            "-m",
            "it.modular/it.modular.Main");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KAILASH_SECRET_API_TOKEN", TOKEN);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> stderr = read(process.getErrorStream());
    CompletableFuture<String> stdout = read(process.getInputStream());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    JvmRun run =
        new JvmRun(
            process.exitValue(),
            stdout.join().lines().toList(),
            stderr.join().lines().toList(),
            stats);
    run.assertClean(List.of("token=injected"), TOKEN);
    assertThat(run.stat("transformed")).isEqualTo(1);
  }

  /** The api jar (an automatic module) and SLF4J; Jackson is not needed on this path. */
  private static String apiModulePath() throws IOException {
    List<String> entries = new ArrayList<>();
    String classPath =
        Files.readString(Path.of(System.getProperty("it.app.classpath.file"))).trim();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.contains("kailash-secrets-api") || entry.contains("slf4j-api")) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path compileModule() throws IOException {
    Path root = Files.createTempDirectory(ForkedJvm.workDir(), "modular-");
    Path sources = root.resolve("src");
    Path classes = Files.createDirectories(root.resolve("it.modular"));
    Files.createDirectories(sources.resolve("it/modular"));
    Files.writeString(sources.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(sources.resolve("it/modular/Main.java"), MAIN);
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "--release",
                "17",
                "--module-path",
                apiModulePath(),
                "-d",
                classes.toString(),
                sources.resolve("module-info.java").toString(),
                sources.resolve("it/modular/Main.java").toString());
    assertThat(status).as("javac of the modular test application").isZero();
    return classes;
  }

  private static CompletableFuture<String> read(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
