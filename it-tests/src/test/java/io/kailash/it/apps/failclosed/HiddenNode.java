package io.kailash.it.apps.failclosed;

import io.kailash.secrets.SecretRequirement;
import java.util.Map;

/** Defined as a hidden class by {@link FailClosedApp}: no agent is offered its class file. */
@SecretRequirement(name = "api-token", parameter = "api_token")
public final class HiddenNode extends ReportingNode {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    return super.run(inputs);
  }
}
