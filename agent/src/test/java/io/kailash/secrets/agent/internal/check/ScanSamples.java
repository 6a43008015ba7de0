package io.kailash.secrets.agent.internal.check;

import io.kailash.secrets.SecretRequirement;

/** Classes whose class files the scanner tests read (they are never run). */
final class ScanSamples {

  private ScanSamples() {}

  @SecretRequirement(name = "payments/db#password", parameter = "password")
  abstract static class PaymentsBase {}

  @SecretRequirement(name = "payments/ledger", parameter = "ledger", optional = true)
  @SecretRequirement(name = "audit-key", parameter = "audit", version = "3")
  static class RefundNode extends PaymentsBase {}

  static class PlainSubclass extends RefundNode {}

  static class NoSecrets {}
}
