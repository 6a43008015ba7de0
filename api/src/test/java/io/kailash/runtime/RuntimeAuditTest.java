package io.kailash.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.ChainSecretProvider;
import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.secrets.audit.SecretAccessRecord;
import io.kailash.secrets.audit.SecretAccessRecord.CacheStatus;
import io.kailash.secrets.audit.SecretAccessRecord.Outcome;
import io.kailash.testing.MapSecretProvider;
import io.kailash.testing.RecordingAuditSink;
import io.kailash.testing.StderrCapture;
import io.kailash.testing.TestNodes;
import io.kailash.workflow.Workflow;
import io.kailash.workflow.WorkflowBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeAuditTest {

  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final String KEY = "k3y-value-0123456789";

  private final RecordingAuditSink sink = new RecordingAuditSink();
  private final MapSecretProvider vault = new MapSecretProvider("vault");
  private final MapSecretProvider env =
      new MapSecretProvider("env").put("jwt-signing-key", KEY).put("api-token", "t0ken-value");

  private LocalRuntime runtime(SecretProvider provider) {
    return LocalRuntime.builder()
        .secretProvider(provider)
        .auditSink(sink)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  @Test
  void writesOneRecordPerResolutionNamingTheChainMemberThatServedIt() {
    Workflow workflow =
        new WorkflowBuilder()
            .addNode(TestNodes.KeyNode.class, "sign", null)
            .addNode(TestNodes.SecondKeyNode.class, "verify", null)
            .addNode(TestNodes.OptionalNode.class, "opt", null)
            .build();

    ExecutionResult result =
        runtime(new ChainSecretProvider(List.of(vault, env))).execute(workflow);

    String keyNode = TestNodes.KeyNode.class.getName();
    String secondNode = TestNodes.SecondKeyNode.class.getName();
    String optionalNode = TestNodes.OptionalNode.class.getName();
    String run = result.runId();
    assertThat(sink.records())
        .containsExactly(
            new SecretAccessRecord(
                NOW,
                run,
                "sign",
                keyNode,
                "jwt-signing-key",
                "",
                "env",
                Outcome.RESOLVED,
                CacheStatus.NONE),
            new SecretAccessRecord(
                NOW,
                run,
                "verify",
                secondNode,
                "jwt-signing-key",
                "",
                "env",
                Outcome.RESOLVED,
                CacheStatus.NONE),
            new SecretAccessRecord(
                NOW,
                run,
                "opt",
                optionalNode,
                "maybe-secret",
                "",
                "",
                Outcome.ABSENT_OPTIONAL,
                CacheStatus.NONE));
  }

  @Test
  void recordsNotFoundAndBackendFailures() {
    Workflow needsMissing =
        new WorkflowBuilder().addNode(TestNodes.DerivedSecretNode.class, "d", null).build();
    assertThatThrownBy(() -> runtime(env).execute(needsMissing))
        .isInstanceOf(WorkflowExecutionException.class);
    assertThat(sink.records())
        .extracting(SecretAccessRecord::secretName, SecretAccessRecord::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("base-secret", Outcome.NOT_FOUND),
            org.assertj.core.groups.Tuple.tuple("own-secret", Outcome.NOT_FOUND));

    env.failing("api-token", SecretBackendException.Reason.TIMEOUT);
    Workflow needsBroken =
        new WorkflowBuilder()
            .addNode(TestNodes.KeyNode.class, "k", null)
            .addNode(TestNodes.ApiNode.class, "api", null)
            .build();
    assertThatThrownBy(() -> runtime(env).execute(needsBroken))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).isEqualTo("api"));
    assertThat(sink.records().subList(2, sink.records().size()))
        .extracting(
            SecretAccessRecord::nodeId, SecretAccessRecord::provider, SecretAccessRecord::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("api", "env", Outcome.FAILED));
  }

  @Test
  void theCacheStatusReportedDuringThePrefetchReachesTheRecord() {
    SecretProvider cachingProvider =
        new SecretProvider() {
          @Override
          public String name() {
            return "cache";
          }

          @Override
          public String getSecret(String name, String version) {
            return env.getSecret(name, version);
          }

          @Override
          public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
            refs.forEach(ref -> ResolutionTrace.cacheStatus(ref, CacheStatus.HIT));
            return env.getSecretValues(refs);
          }

          @Override
          public List<String> listSecrets() {
            return env.listSecrets();
          }
        };
    Workflow workflow =
        new WorkflowBuilder().addNode(TestNodes.KeyNode.class, "sign", null).build();

    runtime(cachingProvider).execute(workflow);

    assertThat(sink.records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.cache()).isEqualTo(CacheStatus.HIT);
              assertThat(r.provider()).isEqualTo("cache");
            });
  }

  @Test
  void byDefaultRecordsGoToTheAuditLoggerAsOneLineEachWithoutValues() {
    Workflow workflow =
        new WorkflowBuilder().addNode(TestNodes.KeyNode.class, "sign", null).build();

    String logs;
    try (StderrCapture capture = new StderrCapture()) {
      new LocalRuntime(env).execute(workflow);
      logs = capture.text();
    }

    assertThat(logs.lines().filter(line -> line.contains("io.kailash.secrets.audit - ")))
        .singleElement()
        .asString()
        .contains("INFO")
        .contains("node_id=sign")
        .contains("secret=jwt-signing-key")
        .contains("provider=env")
        .contains("outcome=RESOLVED");
    assertThat(logs).doesNotContain(KEY);
  }

  @Test
  void auditLoggingCanBeTurnedOff() {
    Workflow workflow =
        new WorkflowBuilder().addNode(TestNodes.KeyNode.class, "sign", null).build();

    String logs;
    try (StderrCapture capture = new StderrCapture()) {
      LocalRuntime.builder().secretProvider(env).auditLogging(false).build().execute(workflow);
      logs = capture.text();
    }

    assertThat(logs).doesNotContain("io.kailash.secrets.audit");
  }

  @Test
  void aFailingSinkDoesNotFailTheRun() {
    Workflow workflow =
        new WorkflowBuilder().addNode(TestNodes.KeyNode.class, "sign", null).build();
    LocalRuntime runtime =
        LocalRuntime.builder()
            .secretProvider(env)
            .auditSink(
                record -> {
                  throw new IllegalStateException("disk full");
                })
            .build();

    assertThat(runtime.execute(workflow).results()).containsKey("sign");
  }
}
