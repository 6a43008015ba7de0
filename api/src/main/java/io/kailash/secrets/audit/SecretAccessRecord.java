package io.kailash.secrets.audit;

import java.time.Instant;

/**
 * One secret resolution, as written to the audit log. It names the secret, never its value.
 *
 * @param time when the resolution finished
 * @param runId the workflow run, or empty outside a {@code LocalRuntime} run (direct agent calls)
 * @param nodeId the node id in the workflow, or empty outside a run
 * @param nodeClass the node's class name
 * @param secretName the secret's name
 * @param version the version asked for; empty for the current one
 * @param provider the provider that answered (the chain member that served it), or empty
 * @param outcome what happened
 * @param cache how the cache answered, or {@link CacheStatus#NONE} without a cache
 */
public record SecretAccessRecord(
    Instant time,
    String runId,
    String nodeId,
    String nodeClass,
    String secretName,
    String version,
    String provider,
    Outcome outcome,
    CacheStatus cache) {

  /** The result of one resolution. */
  public enum Outcome {
    /** The secret was found and injected. */
    RESOLVED,
    /** An optional secret was absent; the parameter was left out. */
    ABSENT_OPTIONAL,
    /** A required secret was absent; the node did not run. */
    NOT_FOUND,
    /** The backend failed; the node did not run. */
    FAILED,
    /** Denied by policy: the secret policy refused it to the node class; no backend was asked. */
    DENIED_BY_POLICY
  }

  /** How the cache answered. */
  public enum CacheStatus {
    NONE,
    HIT,
    MISS,
    /** An expired value served because the backend failed (stale-if-error). */
    STALE,
    /** A cached "not found". */
    NEGATIVE_HIT
  }
}
