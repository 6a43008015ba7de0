package io.kailash.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.ChainSecretProvider.OnTransientFailure;
import io.kailash.secrets.SecretBackendException.Reason;
import io.kailash.secrets.audit.ResolutionTrace;
import io.kailash.testing.MapSecretProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainSecretProviderTest {

  private final MapSecretProvider vault =
      new MapSecretProvider("vault").put("shared", "from-vault");
  private final MapSecretProvider aws = new MapSecretProvider("aws").put("aws-only", "from-aws");
  private final MapSecretProvider env =
      new MapSecretProvider("env").put("shared", "from-env").put("env-only", "from-env");

  private ChainSecretProvider chain(OnTransientFailure policy) {
    return new ChainSecretProvider(List.of(vault, aws, env), policy);
  }

  @Test
  void theFirstProviderThatHasTheSecretWins() {
    ChainSecretProvider chain = new ChainSecretProvider(List.of(vault, aws, env));

    assertThat(chain.getSecret("shared")).isEqualTo("from-vault");
    assertThat(chain.getSecret("env-only")).isEqualTo("from-env");
    assertThat(env.singleCalls()).isEqualTo(1);
  }

  @Test
  void absentEverywhereNamesEveryProviderTried() {
    assertThatThrownBy(() -> chain(OnTransientFailure.FAIL).getSecret("nowhere", "3"))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.secretName()).isEqualTo("nowhere");
              assertThat(e.version()).isEqualTo("3");
              assertThat(e.providersTried()).containsExactly("vault", "aws", "env");
            })
        .hasMessageContaining("providers tried: vault, aws, env");
  }

  @Test
  void aTransientFailureFailsTheReadByDefault() {
    vault.failing("env-only", Reason.UNAVAILABLE);

    assertThatThrownBy(() -> chain(OnTransientFailure.FAIL).getSecret("env-only"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.provider()).isEqualTo("vault");
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            });
    assertThat(env.singleCalls()).isZero();
  }

  @Test
  void aTransientFailureFallsThroughWhenConfigured() {
    vault.failing("env-only", Reason.TIMEOUT);

    assertThat(chain(OnTransientFailure.FALL_THROUGH).getSecret("env-only")).isEqualTo("from-env");
  }

  @Test
  void whenNobodyHasASecretAfterATransientFailureTheFailureIsReportedNotNotFound() {
    vault.failing("nowhere", Reason.SERVER_ERROR);
    env.failing("nowhere", Reason.THROTTLED);

    assertThatThrownBy(() -> chain(OnTransientFailure.FALL_THROUGH).getSecret("nowhere"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.provider()).isEqualTo("vault");
              assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
              assertThat(e.getSuppressed()).hasSize(1);
            });
  }

  @Test
  void accessDeniedNeverFallsThroughAndNamesTheProvider() {
    vault.failing("shared", Reason.ACCESS_DENIED);

    assertThatThrownBy(() -> chain(OnTransientFailure.FALL_THROUGH).getSecret("shared"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
              assertThat(e.provider()).isEqualTo("vault");
            })
        .hasMessageStartingWith("Provider vault failed reading secret 'shared' [ACCESS_DENIED]");
    assertThat(env.singleCalls()).isZero();
  }

  @Test
  void otherNonTransientFailuresDoNotFallThroughEither() {
    for (Reason reason :
        List.of(
            Reason.INVALID_RESPONSE,
            Reason.INVALID_REQUEST,
            Reason.MISCONFIGURED,
            Reason.INTERNAL)) {
      MapSecretProvider broken = new MapSecretProvider("broken").failing("x", reason);
      MapSecretProvider backup = new MapSecretProvider("backup").put("x", "v");
      ChainSecretProvider chain =
          new ChainSecretProvider(List.of(broken, backup), OnTransientFailure.FALL_THROUGH);

      assertThatThrownBy(() -> chain.getSecret("x"))
          .as(reason.name())
          .isInstanceOfSatisfying(
              SecretBackendException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
  }

  @Test
  void aBatchGoesToEachProviderOnceForTheSecretsStillMissing() {
    SecretRef shared = SecretRef.current("shared");
    SecretRef awsOnly = SecretRef.current("aws-only");
    SecretRef envOnly = SecretRef.current("env-only");
    SecretRef nowhere = SecretRef.current("nowhere");

    Map<SecretRef, String> values =
        chain(OnTransientFailure.FAIL)
            .getSecretValues(List.of(shared, awsOnly, envOnly, nowhere, shared));

    assertThat(values)
        .containsOnly(
            Map.entry(shared, "from-vault"),
            Map.entry(awsOnly, "from-aws"),
            Map.entry(envOnly, "from-env"));
    assertThat(vault.batches()).containsExactly(List.of(shared, awsOnly, envOnly, nowhere));
    assertThat(aws.batches()).containsExactly(List.of(awsOnly, envOnly, nowhere));
    assertThat(env.batches()).containsExactly(List.of(envOnly, nowhere));
  }

  @Test
  void aBatchStopsAskingOnceEverythingIsFound() {
    chain(OnTransientFailure.FAIL).getSecretValues(List.of(SecretRef.current("shared")));

    assertThat(aws.batches()).isEmpty();
    assertThat(env.batches()).isEmpty();
  }

  @Test
  void aBatchFallsThroughTransientFailuresAndReportsThemOnlyIfSomethingIsStillMissing() {
    vault.failing("env-only", Reason.UNAVAILABLE);
    ChainSecretProvider chain = chain(OnTransientFailure.FALL_THROUGH);

    assertThat(chain.getSecretValues(List.of(SecretRef.current("env-only"))))
        .containsEntry(SecretRef.current("env-only"), "from-env");
    assertThatThrownBy(
            () ->
                chain.getSecretValues(
                    List.of(SecretRef.current("env-only"), SecretRef.current("nowhere"))))
        .isInstanceOfSatisfying(
            SecretBackendException.class, e -> assertThat(e.provider()).isEqualTo("vault"));
  }

  @Test
  void aBatchFailsOnAccessDenied() {
    aws.failing("env-only", Reason.ACCESS_DENIED);

    assertThatThrownBy(
            () ->
                chain(OnTransientFailure.FALL_THROUGH)
                    .getSecretValues(List.of(SecretRef.current("env-only"))))
        .isInstanceOfSatisfying(
            SecretBackendException.class, e -> assertThat(e.provider()).isEqualTo("aws"));
    assertThat(env.batches()).isEmpty();
  }

  @Test
  void reportsTheMemberThatServedEachSecretEvenThroughNestedChains() {
    ChainSecretProvider inner = new ChainSecretProvider(List.of(aws, env));
    ChainSecretProvider outer = new ChainSecretProvider(List.of(vault, inner));

    try (ResolutionTrace trace = ResolutionTrace.open()) {
      outer.getSecretValues(List.of(SecretRef.current("shared"), SecretRef.current("env-only")));
      outer.getSecret("aws-only");

      assertThat(trace.providerOf(SecretRef.current("shared"))).isEqualTo("vault");
      assertThat(trace.providerOf(SecretRef.current("env-only"))).isEqualTo("env");
      assertThat(trace.providerOf(SecretRef.current("aws-only"))).isEqualTo("aws");
    }
    assertThat(outer.providerNames()).containsExactly("vault", "aws", "env");
    assertThat(outer.name()).isEqualTo("chain");
  }

  @Test
  void listsTheSortedUnionOfItsMembers() {
    assertThat(chain(OnTransientFailure.FAIL).listSecrets())
        .containsExactly("aws-only", "env-only", "shared");
  }

  @Test
  void needsAtLeastOneProviderAndRejectsInvalidNamesBeforeAskingAny() {
    assertThatThrownBy(() -> new ChainSecretProvider(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one provider");
    assertThatThrownBy(() -> chain(OnTransientFailure.FAIL).getSecret("../x"))
        .isInstanceOfSatisfying(
            SecretBackendException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
    assertThat(vault.singleCalls()).isZero();
  }

  @Test
  void getSecretsOnAChainReportsMissingRequiredSecretsWithAllProviders() {
    assertThatThrownBy(
            () ->
                chain(OnTransientFailure.FAIL)
                    .getSecrets(
                        List.of(
                            SecretRequest.required("shared", "a"),
                            SecretRequest.required("nowhere", "b"),
                            SecretRequest.optional("also-nowhere", "c"))))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class,
            e -> {
              assertThat(e.missing()).containsExactly(SecretRef.current("nowhere"));
              assertThat(e.providersTried()).containsExactly("vault", "aws", "env");
            });
  }
}
