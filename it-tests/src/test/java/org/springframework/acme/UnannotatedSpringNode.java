package org.springframework.acme;

import io.kailash.it.apps.failclosed.ReportingNode;
import java.util.Map;

/**
 * A node in a package on the agent's ignored-library list whose secrets only configuration declares
 * ({@code requirements.<class>}): refused like an annotated one.
 */
public final class UnannotatedSpringNode extends ReportingNode {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    return super.run(inputs);
  }
}
