package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.SecretRef;
import io.kailash.secrets.SecretRequest;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchLoadTest {

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MapSecretProvider backend = new MapSecretProvider("aws");
  private final CachingSecretProvider cache =
      CachingSecretProvider.builder(backend)
          .ttl(Duration.ofMinutes(5))
          .refreshAhead(0)
          .jitter(0)
          .timeSource(clock)
          .build();
  private final List<SecretRef> thirty =
      IntStream.range(0, 30).mapToObj(i -> SecretRef.current("svc/secret-" + i)).toList();

  BatchLoadTest() {
    thirty.forEach(ref -> backend.put(ref.name(), "value-of-" + ref.name()));
  }

  @Test
  void thirtyColdSecretsCostOneDelegateBatchCall() {
    Map<SecretRef, String> values = cache.getSecretValues(thirty);

    assertThat(values).hasSize(30).containsEntry(thirty.get(7), "value-of-svc/secret-7");
    assertThat(backend.batchCalls()).isEqualTo(1);
    assertThat(backend.singleCalls()).isZero();
    assertThat(backend.batches().get(0)).containsExactlyElementsOf(thirty);
  }

  @Test
  void aWarmBatchCostsNothingAndAPartlyWarmOneFetchesOnlyTheMissing() {
    cache.getSecretValues(thirty.subList(0, 20));
    assertThat(cache.getSecretValues(thirty.subList(0, 20))).hasSize(20);
    assertThat(backend.batchCalls()).isEqualTo(1);

    assertThat(cache.getSecretValues(thirty)).hasSize(30);
    assertThat(backend.batchCalls()).isEqualTo(2);
    assertThat(backend.batches().get(1)).containsExactlyElementsOf(thirty.subList(20, 30));
  }

  @Test
  void getSecretsResolvesRequirementsThroughOneBatch() {
    List<SecretRequest> requests = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      requests.add(SecretRequest.required("svc/secret-" + i, "param_" + i));
    }
    requests.add(SecretRequest.optional("svc/absent", "maybe"));

    Map<String, String> parameters = cache.getSecrets(requests);

    assertThat(parameters).hasSize(30).doesNotContainKey("maybe");
    assertThat(backend.calls()).isEqualTo(1);
  }

  @Test
  void aSecretAlreadyLoadingIsAwaitedNotFetchedAgain() throws Exception {
    CountDownLatch release = backend.hold();
    Thread single = new Thread(() -> cache.getSecret("svc/secret-0"));
    single.start();
    while (backend.entered() < 1) {
      Thread.onSpinWait();
    }
    AtomicReference<Map<SecretRef, String>> batchResult = new AtomicReference<>();
    Thread batch = new Thread(() -> batchResult.set(cache.getSecretValues(thirty)));
    batch.start();
    while (backend.entered() < 2) {
      Thread.onSpinWait();
    }
    release.countDown();
    single.join();
    batch.join();

    assertThat(batchResult.get()).hasSize(30);
    assertThat(backend.batches().get(0)).hasSize(29).doesNotContain(thirty.get(0));
  }

  @Test
  void aFailedBatchServesStaleValuesWhereAllowedAndFailsOtherwise() {
    cache.getSecretValues(thirty.subList(0, 10));
    clock.advance(Duration.ofMinutes(6));
    backend.failWith(Reason.THROTTLED);

    assertThat(cache.getSecretValues(thirty.subList(0, 10))).hasSize(10);
    assertThat(cache.stats().staleServes()).isEqualTo(10);
    assertThatThrownBy(() -> cache.getSecretValues(thirty))
        .isInstanceOfSatisfying(
            SecretBackendException.class, e -> assertThat(e.reason()).isEqualTo(Reason.THROTTLED));
  }
}
