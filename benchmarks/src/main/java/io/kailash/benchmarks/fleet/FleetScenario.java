package io.kailash.benchmarks.fleet;

import java.time.Duration;

/**
 * One fleet configuration.
 *
 * @param name the row's label
 * @param jitter each client waits a random time up to this before its first read
 * @param batching whether a client reads its secrets with one batch request
 * @param clientsPerSidecar clients sharing one host's sidecar cache; 0: every client goes direct
 */
record FleetScenario(String name, Duration jitter, boolean batching, int clientsPerSidecar) {}
