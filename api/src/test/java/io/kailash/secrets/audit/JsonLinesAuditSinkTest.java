package io.kailash.secrets.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.secrets.audit.SecretAccessRecord.Outcome;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretsConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAuditSinkTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void writesOneJsonObjectPerLineWithTheRecordFieldsOnly() throws IOException {
    JsonNode json = writeOne(record("run-1", "fetch", "db/password"));
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "time",
            "runId",
            "nodeId",
            "nodeClass",
            "secretName",
            "version",
            "provider",
            "outcome",
            "cache");
    assertThat(json.get("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(json.get("secretName").asText()).isEqualTo("db/password");
    assertThat(json.get("outcome").asText()).isEqualTo("RESOLVED");
    assertThat(json.get("cache").asText()).isEqualTo("HIT");
  }

  @Test
  void escapesNamesSoEveryLineStaysValidJson() throws IOException {
    JsonNode json = writeOne(record("run\n\"2\"", "node\\x", "odd \u2028 name"));

    assertThat(json.get("runId").asText()).isEqualTo("run\n\"2\"");
    assertThat(json.get("secretName").asText()).isEqualTo("odd \u2028 name");
  }

  @Test
  void losesNothingWhenSixteenThreadsWriteAThousandRecordsEach() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file, 64 << 10, 1000)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        String run = "run-" + t;
        Thread thread =
            new Thread(
                () -> {
                  for (int i = 0; i < 1000; i++) {
                    sink.record(record(run, "node-" + i, "secret"));
                  }
                });
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(sink.droppedRecords()).isZero();
    }

    Set<String> seen = new HashSet<>();
    for (Path part : filesOf(file)) {
      assertThat(Files.size(part)).isLessThanOrEqualTo(64 << 10);
      for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
        JsonNode json = JSON.readTree(line);
        assertThat(seen.add(json.get("runId").asText() + "/" + json.get("nodeId").asText()))
            .as("no duplicate")
            .isTrue();
      }
    }
    assertThat(seen).hasSize(16_000);
  }

  @Test
  void rollsBySizeAndKeepsOnlyMaxFilesRolledFiles() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    int lineLength = lineOf(0).length;
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file, 3L * lineLength, 2)) {
      for (int i = 0; i < 10; i++) {
        sink.record(record("run", "node-" + i, "secret"));
      }
    }

    assertThat(nodesIn(file)).containsExactly("node-9");
    assertThat(nodesIn(dir.resolve("audit.jsonl.1"))).containsExactly("node-6", "node-7", "node-8");
    assertThat(nodesIn(dir.resolve("audit.jsonl.2"))).containsExactly("node-3", "node-4", "node-5");
    assertThat(dir.resolve("audit.jsonl.3")).doesNotExist();
  }

  @Test
  void appendsToAnExistingFile() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file, 1 << 20, 1)) {
      sink.record(record("run", "first", "s"));
    }
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file, 1 << 20, 1)) {
      sink.record(record("run", "second", "s"));
    }

    assertThat(nodesIn(file)).containsExactly("first", "second");
  }

  @Test
  void aWriteFailureIsCountedNotThrown() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    JsonLinesAuditSink sink = JsonLinesAuditSink.open(file, 1 << 20, 1);
    sink.close();
    Files.delete(file);
    Files.createDirectory(file); // reopening the file now fails

    sink.record(record("run", "node", "s"));

    assertThat(sink.droppedRecords()).isEqualTo(1);
  }

  @Test
  void opensFromSettings() throws IOException {
    Path file = dir.resolve("logs/audit.jsonl");
    ProviderSettings settings =
        ProviderSettings.of(
            "audit",
            Map.of(
                JsonLinesAuditSink.FILE, file.toString(),
                JsonLinesAuditSink.MAX_FILE_SIZE, "1KB",
                JsonLinesAuditSink.MAX_FILES, "2"));
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.fromSettings(settings)) {
      for (int i = 0; i < 20; i++) {
        sink.record(record("run", "node-" + i, "secret"));
      }
    }

    assertThat(Files.size(file)).isLessThanOrEqualTo(1024);
    assertThat(dir.resolve("logs/audit.jsonl.2")).exists();
    assertThat(dir.resolve("logs/audit.jsonl.3")).doesNotExist();
  }

  @Test
  void reportsBadSettingsByKey() {
    assertThatThrownBy(
            () -> JsonLinesAuditSink.fromSettings(ProviderSettings.of("audit", Map.of())))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("audit.file");
    assertThatThrownBy(
            () ->
                JsonLinesAuditSink.fromSettings(
                    ProviderSettings.of(
                        "audit",
                        Map.of(
                            JsonLinesAuditSink.FILE,
                            dir.resolve("a").toString(),
                            JsonLinesAuditSink.MAX_FILE_SIZE,
                            "ten megabytes"))))
        .isInstanceOf(SecretsConfigurationException.class)
        .hasMessageContaining("audit.max-file-size")
        .hasMessageContaining("10MB");
    assertThatThrownBy(
            () ->
                JsonLinesAuditSink.fromSettings(
                    ProviderSettings.of(
                        "audit",
                        Map.of(
                            JsonLinesAuditSink.FILE,
                            dir.resolve("a").toString(),
                            JsonLinesAuditSink.MAX_FILES,
                            "0"))))
        .hasMessageContaining("audit.max-files")
        .hasMessageContaining("at least 1");
  }

  /** Writes one record to a new file and reads it back, checking it is one line. */
  private JsonNode writeOne(SecretAccessRecord record) throws IOException {
    Path file = dir.resolve("one.jsonl");
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file, 1 << 20, 3)) {
      sink.record(record);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1);
    return JSON.readTree(lines.get(0));
  }

  private static SecretAccessRecord record(String run, String node, String secret) {
    return new SecretAccessRecord(
        Instant.parse("2026-01-02T03:04:05Z"),
        run,
        node,
        "com.acme.FetchNode",
        secret,
        "",
        "vault",
        Outcome.RESOLVED,
        CacheStatus.HIT);
  }

  private static byte[] lineOf(int node) {
    return AuditRecordJson.line(record("run", "node-" + node, "secret"));
  }

  private static List<String> nodesIn(Path file) throws IOException {
    List<String> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      nodes.add(JSON.readTree(line).get("nodeId").asText());
    }
    return nodes;
  }

  private static List<Path> filesOf(Path file) throws IOException {
    try (Stream<Path> files = Files.list(file.getParent())) {
      return files.filter(p -> p.getFileName().toString().startsWith("audit.jsonl")).toList();
    }
  }
}
