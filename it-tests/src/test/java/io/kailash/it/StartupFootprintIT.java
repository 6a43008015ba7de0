package io.kailash.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.it.apps.TokenApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the agent loads to start and serve its first node (issue 16), read from the JVM's own {@code
 * -Xlog:class+load} rather than timed: with the environment alone no logging framework, no
 * time-zone data and no record bootstrap; with a remote provider configured but not read, no
 * backend client.
 */
class StartupFootprintIT {

  private static final String TOKEN = "tok-5d1e-footprint-secret";

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  private static List<String> loadedClasses(Jdk jdk, String agentArguments) throws Exception {
    jdk.assumePresent();
    Path log = Files.createTempFile(ForkedJvm.workDir(), "class-load-", ".log");
    ForkedJvm.of(jdk, TokenApp.class)
        .env("KAILASH_SECRET_API_TOKEN", TOKEN)
        .env("VAULT_TOKEN", "footprint-not-a-real-token")
        .agent(agentArguments)
        .jvmArg("-Xlog:class+load=info:file=" + log)
        .run()
        .assertClean(List.of("token=injected"), TOKEN);
    return Files.readAllLines(log, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void theEnvironmentAloneLoadsNoLoggingFrameworkNorTimeZonesNorRecordBootstraps(Jdk jdk)
      throws Exception {
    List<String> loaded = loadedClasses(jdk, "");

    assertThat(loaded)
        .as("sanity: the log lists the agent")
        .anyMatch(l -> l.contains("AgentStarter"));
    assertThat(loaded).noneMatch(line -> line.contains(" org.slf4j."));
    assertThat(loaded).noneMatch(line -> line.contains(" java.time.zone."));
    assertThat(loaded).noneMatch(line -> line.contains(" java.lang.runtime.ObjectMethods "));
    // The cache's builder holds the cache.* key names for the configuration check; the cache itself
    // and its clock thread are not built for the environment alone.
    assertThat(loaded)
        .noneMatch(line -> line.contains(" io.kailash.secrets.cache.CachingSecretProvider "));
    assertThat(loaded).noneMatch(line -> line.contains(" io.kailash.secrets.cache.HitClock "));
    // No lambda or method reference of ours (each costs a bootstrap on the first), no regex, and
    // not the builders' key bindings (method references) for the configuration check.
    assertThat(loaded)
        .noneMatch(line -> line.contains(" io.kailash.secrets.") && line.contains("$$Lambda"));
    assertThat(loaded).noneMatch(line -> line.contains(" java.util.regex.Pattern "));
    assertThat(loaded)
        .noneMatch(line -> line.contains(" io.kailash.secrets.internal.KeyBindings "));
    // The Vault factory is instantiated (ServiceLoader) for its key table, its auth classes are
    // not.
    assertThat(loaded).noneMatch(line -> line.contains(" io.kailash.secrets.vault.VaultAuth "));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aRemoteProviderThatIsNotReadBuildsNoClient(Jdk jdk) throws Exception {
    // env answers first, so neither vault nor aws is ever read: their clients must not exist.
    List<String> loaded =
        loadedClasses(
            jdk,
            "providers=env,vault,aws;vault.url=http://127.0.0.1:9;vault.token=${env:VAULT_TOKEN}"
                + ";aws.region=us-east-1");

    assertThat(loaded).noneMatch(line -> line.contains(" java.net.http.HttpClient "));
    assertThat(loaded)
        .noneMatch(line -> line.contains("secretsmanager.DefaultSecretsManagerClient "));
    assertThat(loaded).noneMatch(line -> line.contains(" sun.security.ssl."));
  }
}
