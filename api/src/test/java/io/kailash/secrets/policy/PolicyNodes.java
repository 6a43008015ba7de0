package io.kailash.secrets.policy;

import io.kailash.secrets.SecretRequirement;

/** Classes for policy decisions; the policy only looks at names and declarations. */
final class PolicyNodes {

  private PolicyNodes() {}

  @SecretRequirement(name = "payments/db#password", parameter = "password")
  static class PaymentsBase {}

  /** Inherits the requirement from {@link PaymentsBase}, declares nothing itself. */
  static class InheritingNode extends PaymentsBase {}

  /** One more level down, still declaring nothing. */
  static class GrandchildNode extends InheritingNode {}

  /** Declares nothing: being listed in a rule grants its subclasses nothing they declare. */
  static class UnrelatedListedBase {}

  /** Extends a listed class and declares the secret itself. */
  @SecretRequirement(name = "payments/db#password", parameter = "password")
  static class SneakyNode extends UnrelatedListedBase {}

  @SecretRequirement(name = "jwt-signing-key", parameter = "key")
  static class Outer {
    @SecretRequirement(name = "jwt-signing-key", parameter = "key")
    static class Inner {}
  }
}
