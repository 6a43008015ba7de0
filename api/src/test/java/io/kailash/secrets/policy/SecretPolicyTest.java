package io.kailash.secrets.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretBackendException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretPolicyTest {

  private static final String NODES = PolicyNodes.class.getName();

  @TempDir Path dir;

  private SecretPolicy policy(PolicyDefault unmatched, String... lines) throws IOException {
    Path file = dir.resolve("kailash-secrets.policy");
    Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    return PolicyFile.read(file, unmatched);
  }

  @Test
  void aSecretARuleNamesGoesOnlyToTheClassesItLists() throws IOException {
    SecretPolicy policy = policy(PolicyDefault.ALLOW, "jwt-signing-key : " + NODES + "$Outer");

    assertThat(policy.permits(PolicyNodes.Outer.class, "jwt-signing-key")).isTrue();
    assertThat(policy.permits(PolicyNodes.Outer.Inner.class, "jwt-signing-key")).isFalse();
    // Not named by any rule: the default decides.
    assertThat(policy.permits(PolicyNodes.Outer.Inner.class, "api-token")).isTrue();
  }

  @Test
  void withDefaultDenyOnlyPairsARuleAllowsAreResolved() throws IOException {
    SecretPolicy policy = policy(PolicyDefault.DENY, "jwt-signing-key : " + NODES + "$Outer");

    assertThat(policy.permits(PolicyNodes.Outer.class, "jwt-signing-key")).isTrue();
    assertThat(policy.permits(PolicyNodes.Outer.class, "api-token")).isFalse();
    assertThat(policy.isOpen("api-token")).isFalse();
  }

  @Test
  void secretGlobsStarStaysInOneSegmentDoubleStarCrossesThem() throws IOException {
    SecretPolicy policy =
        policy(
            PolicyDefault.DENY,
            "payments/* : " + NODES + "$PaymentsBase",
            "billing/**/key : " + NODES + "$PaymentsBase");
    Class<?> node = PolicyNodes.PaymentsBase.class;

    assertThat(policy.permits(node, "payments/db")).isTrue();
    assertThat(policy.permits(node, "payments/db#password")).isTrue(); // '#field' is ignored
    assertThat(policy.permits(node, "payments/eu/db")).isFalse();
    assertThat(policy.permits(node, "billing/key")).isTrue(); // '**' may be no segment
    assertThat(policy.permits(node, "billing/eu/west/key")).isTrue();
    assertThat(policy.permits(node, "billing/eu/west/keys")).isFalse();
    assertThat(policy.permits(node, "paymentsX/db")).isFalse();
  }

  @Test
  void classGlobsStarStaysInOnePackageSegmentDoubleStarCrossesThem() throws IOException {
    SecretPolicy oneSegment = policy(PolicyDefault.DENY, "a : io.kailash.secrets.*");
    SecretPolicy anyDepth = policy(PolicyDefault.DENY, "a : io.kailash.**");
    SecretPolicy binaryName = policy(PolicyDefault.DENY, "a : " + NODES + "$Outer$*");
    Class<?> node =
        PolicyNodes.Outer.Inner.class; // io.kailash.secrets.policy.PolicyNodes$Outer$Inner

    assertThat(oneSegment.permits(node, "a")).isFalse();
    assertThat(policy(PolicyDefault.DENY, "a : io.kailash.secrets.*.*").permits(node, "a"))
        .isTrue();
    assertThat(anyDepth.permits(node, "a")).isTrue();
    assertThat(binaryName.permits(node, "a")).isTrue();
    assertThat(binaryName.permits(PolicyNodes.Outer.class, "a")).isFalse();
  }

  @Test
  void aSubclassInheritsWhatTheDeclaringSuperclassWasGranted() throws IOException {
    SecretPolicy policy = policy(PolicyDefault.DENY, "payments/** : " + NODES + "$PaymentsBase");

    assertThat(policy.permits(PolicyNodes.InheritingNode.class, "payments/db#password")).isTrue();
    assertThat(policy.permits(PolicyNodes.GrandchildNode.class, "payments/db#password")).isTrue();
  }

  @Test
  void extendingAListedClassThatDoesNotDeclareTheSecretGrantsNothing() throws IOException {
    SecretPolicy policy =
        policy(PolicyDefault.ALLOW, "payments/** : " + NODES + "$UnrelatedListedBase");

    assertThat(policy.permits(PolicyNodes.SneakyNode.class, "payments/db#password")).isFalse();
  }

  @Test
  void theDenialNamesClassSecretAndFileAndHasItsOwnReason() throws IOException {
    SecretPolicy policy = policy(PolicyDefault.ALLOW, "payments/** : com.acme.payments.**");

    SecretBackendException denial =
        policy.denial(PolicyNodes.SneakyNode.class, "payments/db#password");

    assertThat(denial.reason()).isEqualTo(SecretBackendException.Reason.POLICY_DENIED);
    assertThat(denial.isTransient()).isFalse();
    assertThat(denial.provider()).isEqualTo(SecretPolicy.PROVIDER);
    assertThat(denial.secretName()).isEqualTo("payments/db#password");
    assertThat(denial.getMessage())
        .contains(PolicyNodes.SneakyNode.class.getName())
        .contains("'payments/db#password'")
        .contains(dir.resolve("kailash-secrets.policy").toString())
        .contains("no rule for 'payments/db' names this class");
  }

  @Test
  void noPolicyAllowsEverythingAndIsNotEnforced() {
    assertThat(SecretPolicy.none().isEnforced()).isFalse();
    assertThat(SecretPolicy.none().permits(PolicyNodes.SneakyNode.class, "payments/db")).isTrue();
    assertThat(SecretPolicy.none().isOpen("payments/db")).isTrue();
  }

  @Test
  void onlySecretsNoRuleNamesAreOpenToEveryClass() throws IOException {
    SecretPolicy policy = policy(PolicyDefault.ALLOW, "payments/** : com.acme.**");

    assertThat(policy.isOpen("payments/db#password")).isFalse();
    assertThat(policy.isOpen("jwt-signing-key")).isTrue();
  }

  @Test
  void byClassNamesForToolsThatReadClassFilesTheDecisionIsTheSame() throws IOException {
    SecretPolicy policy =
        policy(PolicyDefault.ALLOW, "payments/** : com.acme.payments.Base", "open-key : x.Y");

    assertThat(policy.permits("com.acme.payments.Base", java.util.List.of(), "payments/db"))
        .isTrue();
    assertThat(
            policy.permits(
                "com.acme.Refund", java.util.List.of("com.acme.payments.Base"), "payments/db#pw"))
        .as("a declaring superclass is listed")
        .isTrue();
    assertThat(policy.permits("com.acme.Copied", java.util.List.of(), "payments/db")).isFalse();
    assertThat(policy.permits("com.acme.Copied", java.util.List.of(), "unnamed")).isTrue();
    assertThat(
            policy(PolicyDefault.DENY, "open-key : x.Y")
                .permits("com.acme.Copied", java.util.List.of(), "unnamed"))
        .isFalse();
  }
}
