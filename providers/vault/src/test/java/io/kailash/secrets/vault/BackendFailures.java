package io.kailash.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretBackendException.Reason;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on {@link SecretBackendException}s. */
final class BackendFailures {

  private BackendFailures() {}

  /** Asserts that {@code call} fails with a backend failure of {@code reason}. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertFailsWith(
      Reason reason, ThrowingCallable call) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            SecretBackendException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
