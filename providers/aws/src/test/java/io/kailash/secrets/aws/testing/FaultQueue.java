package io.kailash.secrets.aws.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/** The faults still to inject, each for the next N requests. */
final class FaultQueue {

  private final Deque<SecretsManagerDouble.Fault> pending = new ArrayDeque<>();

  synchronized void add(int count, SecretsManagerDouble.Fault fault) {
    for (int i = 0; i < count; i++) {
      pending.add(fault);
    }
  }

  synchronized void clear() {
    pending.clear();
  }

  synchronized SecretsManagerDouble.Fault next() {
    return pending.poll();
  }
}
