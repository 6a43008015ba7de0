package io.kailash.secrets.agent.internal.resolve;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretProviderException;
import io.kailash.secrets.SecretRequest;
import io.kailash.secrets.injection.AgentProtocol;
import java.util.List;
import java.util.Map;

/**
 * The last complete answer for one node class, handed out again while the provider keeps returning
 * the same values.
 *
 * <p>This is the agent's warm path: one provider read per secret (a cache hit, which allocates
 * nothing) and an equality check, instead of building request sets and result maps on every node
 * call. Anything unusual (a secret now absent, a backend failure) falls back to the full
 * resolution, which answers it properly.
 */
final class WarmAnswer {

  private final String[] values;
  private final Map<String, Object> answer;

  private WarmAnswer(String[] values, Map<String, Object> answer) {
    this.values = values;
    this.answer = answer;
  }

  /** The answer to remember, or {@code null} when a secret was absent (optional secrets). */
  static WarmAnswer of(ResolutionPlan plan, Map<String, String> answer) {
    return of(plan, answer, AgentProtocol.secrets(answer));
  }

  /**
   * @param protocolAnswer {@code answer} in {@link AgentProtocol}'s form, handed out again
   */
  static WarmAnswer of(
      ResolutionPlan plan, Map<String, String> answer, Map<String, Object> protocolAnswer) {
    List<SecretRequest> requests = plan.requests();
    String[] values = new String[requests.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = answer.get(requests.get(i).parameter());
      if (values[i] == null) {
        return null;
      }
    }
    return new WarmAnswer(values, protocolAnswer);
  }

  /**
   * @return the remembered answer if every secret still has the same value; {@code null} if one
   *     changed (a rotation) or could not be read, so that the caller resolves afresh
   */
  Map<String, Object> reuse(ResolutionPlan plan, SecretProvider provider) {
    List<SecretRequest> requests = plan.requests();
    try {
      for (int i = 0; i < values.length; i++) {
        SecretRequest request = requests.get(i);
        if (!values[i].equals(provider.getSecret(request.name(), request.version()))) {
          return null;
        }
      }
    } catch (SecretProviderException changedOrFailing) {
      return null;
    }
    return answer;
  }
}
