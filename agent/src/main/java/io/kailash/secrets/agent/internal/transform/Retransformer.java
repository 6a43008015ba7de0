package io.kailash.secrets.agent.internal.transform;

import io.kailash.secrets.agent.internal.logging.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * After a dynamic attach, re-runs the transformer over node classes that were loaded before the
 * agent. Retransformation pauses the JVM, so classes go in small batches (the Elastic agent uses
 * batches of 100 for the same reason); a batch that fails is logged and the rest continue.
 */
public final class Retransformer {

  private static final AgentLog LOG = AgentLog.of(Retransformer.class);
  private static final int BATCH = 100;

  private final Instrumentation instrumentation;
  private final SecretsTransformer transformer;

  public Retransformer(Instrumentation instrumentation, SecretsTransformer transformer) {
    this.instrumentation = instrumentation;
    this.transformer = transformer;
  }

  public void retransformLoadedClasses() {
    List<Class<?>> candidates = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (instrumentation.isModifiableClass(type) && transformer.isCandidate(type)) {
        candidates.add(type);
      }
    }
    for (int from = 0; from < candidates.size(); from += BATCH) {
      List<Class<?>> batch = candidates.subList(from, Math.min(from + BATCH, candidates.size()));
      try {
        instrumentation.retransformClasses(batch.toArray(new Class<?>[0]));
      } catch (Exception | LinkageError e) {
        LOG.warn("Could not retransform {} already loaded node classes.", batch.size(), e);
      }
    }
    LOG.debug("Looked again at {} node classes loaded before the agent.", candidates.size());
  }
}
