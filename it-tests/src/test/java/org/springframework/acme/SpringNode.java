package org.springframework.acme;

import io.kailash.it.apps.failclosed.ReportingNode;
import io.kailash.secrets.SecretRequirement;
import java.util.Map;

/** A user's node in a package on the agent's ignored-library list. */
@SecretRequirement(name = "api-token", parameter = "api_token")
public final class SpringNode extends ReportingNode {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    return super.run(inputs);
  }
}
