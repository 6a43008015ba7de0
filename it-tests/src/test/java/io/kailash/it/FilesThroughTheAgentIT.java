package io.kailash.it;

import io.kailash.it.apps.FilesApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code providers=files} (alone, and ahead of {@code env}) over a directory laid out as the
 * kubelet lays out a Secret volume; the application swaps {@code ..data} between two runs of a node
 * and the second run gets the new value.
 */
class FilesThroughTheAgentIT {

  private static final String API_TOKEN = "tok-f1les-1t-old-secret";
  private static final String NEW_API_TOKEN = "tok-f1les-1t-new-secret";
  private static final String DB_PASSWORD = "pw-f1les-1t-db-secret";
  private static final String OUTSIDE = "outside-f1les-1t-secret";
  private static final String ENV_DECOY = "decoy-f1les-1t-env-secret";
  private static final String OLD_DATA = "..2024_01_01_00_00_00.000000001";
  private static final String NEW_DATA = "..2024_01_01_00_05_00.000000002";

  static Stream<Arguments> runs() {
    return Jdk.forTests().stream()
        .flatMap(jdk -> Stream.of(Arguments.of(jdk, "files"), Arguments.of(jdk, "files, env")));
  }

  @ParameterizedTest(name = "{0}, providers = {1}")
  @MethodSource("runs")
  void nodesGetFileSecretsUpdatesAndFailures(Jdk jdk, String providers) throws Exception {
    jdk.assumePresent();
    Path root = Files.createTempDirectory(ForkedJvm.workDir(), "files-it");
    Path volume = secretVolume(root);

    JvmRun run =
        ForkedJvm.of(jdk, FilesApp.class)
            .agent("providers=" + providers + ";files.directory=" + volume)
            .args(volume.toString(), NEW_DATA)
            .env("EXPECTED_API_TOKEN", API_TOKEN)
            .env("EXPECTED_NEW_API_TOKEN", NEW_API_TOKEN)
            .env("EXPECTED_DB_PASSWORD", DB_PASSWORD)
            // What env would serve if the chain fell through after the refused link.
            .env("KAILASH_SECRET_APP_ESCAPE", ENV_DECOY)
            .run();

    run.assertClean(
        List.of(
            "token=injected",
            "password=injected",
            "missing=not-found",
            "escape=ACCESS_DENIED",
            "token-after-update=injected"),
        API_TOKEN,
        NEW_API_TOKEN,
        DB_PASSWORD,
        OUTSIDE,
        ENV_DECOY);
  }

  /**
   * The kubelet's layout: {@code ..data -> OLD_DATA}, {@code app -> ..data/app}; {@code NEW_DATA}
   * is written but not yet linked (the application links it). {@code app/escape} leads outside.
   */
  private static Path secretVolume(Path root) throws Exception {
    Files.writeString(root.resolve("outside"), OUTSIDE);
    Path volume = Files.createDirectory(root.resolve("volume"));
    for (String[] generation : new String[][] {{OLD_DATA, API_TOKEN}, {NEW_DATA, NEW_API_TOKEN}}) {
      Path app = Files.createDirectories(volume.resolve(generation[0]).resolve("app"));
      Files.writeString(app.resolve("api-token"), generation[1] + "\n");
      Files.writeString(
          app.resolve("db"), "{\"user\":\"app\",\"password\":\"" + DB_PASSWORD + "\"}");
      Files.createSymbolicLink(app.resolve("escape"), root.resolve("outside"));
    }
    Files.createSymbolicLink(volume.resolve("..data"), Path.of(OLD_DATA));
    Files.createSymbolicLink(volume.resolve("app"), Path.of("..data", "app"));
    return volume;
  }
}
