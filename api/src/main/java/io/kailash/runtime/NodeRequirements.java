package io.kailash.runtime;

import io.kailash.secrets.SecretRequest;
import java.util.List;

/** The secrets one node of a run declares, with the node's id and class for errors and audit. */
record NodeRequirements(String nodeId, Class<?> nodeClass, List<SecretRequest> requests) {

  boolean isEmpty() {
    return requests.isEmpty();
  }
}
