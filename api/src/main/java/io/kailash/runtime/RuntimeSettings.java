package io.kailash.runtime;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.audit.AuditSink;
import io.kailash.secrets.internal.RequirementSource;
import io.kailash.secrets.policy.SecretPolicy;
import java.time.Clock;
import java.time.Duration;

/**
 * How a {@link LocalRuntime} runs workflows.
 *
 * @param provider resolves the nodes' secrets, or {@code null} to leave that to the agent
 * @param auditSink receives one record per secret resolution
 * @param maxExecutionTime the longest a node may run, or {@code null} for no limit
 * @param clock the time stamped on audit records
 * @param policy which node classes may receive which secrets
 * @param requirements the nodes' requirements: annotations and those configured by class name
 */
record RuntimeSettings(
    SecretProvider provider,
    AuditSink auditSink,
    Duration maxExecutionTime,
    Clock clock,
    SecretPolicy policy,
    RequirementSource requirements) {}
